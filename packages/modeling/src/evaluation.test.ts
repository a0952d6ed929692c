import { historyDataset, seasonSplit } from './dataset';
import { evaluationSeason, holdoutScores, scoreModel } from './evaluation';
import { logLoss } from './metrics';
import { marketForecast } from './baselines';
import { DEFAULT_PARAMS } from './params';
import { ServingModel } from './serving-model';
import { trainModel } from './train';
import { synthetic } from './synthetic-league.fixture';

describe('walk-forward evaluation on games and lines', () => {
  const { games, lines } = synthetic();
  const ds = historyDataset(games, lines);

  it('splits a season off: training strictly before it, scoring on it', () => {
    const { train, test } = seasonSplit(ds, 2003);
    expect(train.rows.every((r) => r.game.season < 2003)).toBe(true);
    expect(test.rows.every((r) => r.game.season === 2003)).toBe(true);
    expect(train.rows.length + test.rows.length).toBe(ds.rows.filter((r) => r.game.season <= 2003).length);
  });

  it('evaluates on the latest season with enough games, only when an earlier one exists', () => {
    expect(evaluationSeason(ds)).toBe(2003);
    expect(evaluationSeason(seasonSplit(ds, 2002).test)).toBeUndefined();
    expect(evaluationSeason(ds, 10_000)).toBeUndefined();
  });

  it('scores a model trained before the season on the season, beside the market on the games with a line', () => {
    const params = {
      ...DEFAULT_PARAMS,
      win: { ...DEFAULT_PARAMS.win, numRounds: 30 },
      margin: { ...DEFAULT_PARAMS.margin, numRounds: 30 },
      total: { ...DEFAULT_PARAMS.total, numRounds: 30 },
    };
    const s = holdoutScores(ds, 'stats', 2003, { params });
    const test = seasonSplit(ds, 2003).test;
    expect(s.n).toBe(test.rows.length);
    expect(s.lined?.n).toBe(test.rows.length); // every synthetic game has a line
    expect(s.lined?.market).toBeCloseTo(
      logLoss(
        test.rows.map((r) => marketForecast(r.values)),
        Array.from(test.homeWin),
      ),
      12,
    );
    expect(s.logLoss).toBeGreaterThan(0.4);
    expect(s.logLoss).toBeLessThan(0.75);
    expect(s.accuracy).toBeGreaterThan(0.5);
  });

  it('gives the standard error of the per-game log-loss difference to the market', () => {
    const { train, test } = seasonSplit(ds, 2003);
    const fast = {
      ...DEFAULT_PARAMS,
      win: { ...DEFAULT_PARAMS.win, numRounds: 20 },
      margin: { ...DEFAULT_PARAMS.margin, numRounds: 20 },
      total: { ...DEFAULT_PARAMS.total, numRounds: 20 },
    };
    const model = ServingModel.fromTrained(trainModel(train, 'stats', { params: fast }));
    try {
      const lined = scoreModel(model, test).lined;
      const p = model.predictRows(test.rows).homeWin;
      const d = test.rows.map((r, i) => {
        const y = test.homeWin[i] as number;
        return logLoss([p[i] as number], [y]) - logLoss([marketForecast(r.values)], [y]);
      });
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
      expect(lined?.logLoss).toBeCloseTo((lined?.market ?? NaN) + mean, 10);
      expect(lined?.diffSe).toBeCloseTo(sd / Math.sqrt(d.length), 12);
      expect(lined?.diffSe).toBeGreaterThan(0);
    } finally {
      model.dispose();
    }
  });
});
