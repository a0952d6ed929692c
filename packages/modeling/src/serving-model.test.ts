import { required } from '@nba/errors';
import { buildFeatures, TEAM_CODES } from '@nba/features';
import { assembleDataset } from './dataset';
import { ModelingError } from './errors';
import { toRegistration } from './registration';
import { ServingModel } from './serving-model';
import { synthetic } from './synthetic-league.fixture';
import { disposeModel, trainModel, type TrainedModel } from './train';

describe('the serving model', () => {
  const { games, lines } = synthetic();
  const { rows, state } = buildFeatures(games, lines);
  const ds = assembleDataset(rows);
  const trained: TrainedModel[] = [];
  const served: ServingModel[] = [];
  const date = '2003-12-01';
  const matchups = TEAM_CODES.slice(0, 12).map((home, i) => ({
    season: 2003,
    date,
    home,
    away: TEAM_CODES[29 - i] as string,
    gameType: 'regular' as const,
    neutral: i % 5 === 0,
    line:
      i % 2 === 0 ? { homeMl: -150 + 10 * i, awayMl: 130 - 5 * i, spreadHome: -3.5 + i, total: 215 + i } : undefined,
  }));

  beforeAll(() => {
    for (const variant of ['stats', 'market'] as const) {
      const model = trainModel(ds, variant);
      trained.push(model);
      const reg = toRegistration(model);
      served.push(
        ServingModel.fromRegistration(
          { params: JSON.parse(JSON.stringify(reg.params)), featureSpec: reg.featureSpec },
          reg.artifacts,
        ),
      );
    }
    // both paths of the formula are covered: the stats variant blends in the margin booster
    expect(served[0]?.marginToWin?.weight ?? 0).toBeGreaterThan(0);
    expect(served[1]?.marginToWin).toBeUndefined();
  });

  afterAll(() => {
    for (const m of trained) disposeModel(m);
    for (const m of served) m.dispose();
  });

  it('gives the same forecast for one matchup (single-row path) as for many rows (DMatrix path)', () => {
    for (const model of served) {
      const one = matchups.map((m) => model.predictMatchup(state, m, m.line));
      const many = model.predictRows(one.map((p) => ({ values: p.features })));
      one.forEach((p, i) => {
        expect(p.homeWinProbability).toBeCloseTo(many.homeWin[i] as number, 6);
        expect(p.expectedMargin).toBeCloseTo(many.margin[i] as number, 4);
        expect(p.expectedTotal).toBeCloseTo(many.total[i] as number, 4);
        expect(Number.isFinite(p.marketProbability)).toBe(matchups[i]?.line !== undefined);
      });
    }
  });

  it('gives a trained model and its registered copy the same forecasts', () => {
    trained.forEach((model, k) => {
      const fresh = ServingModel.fromTrained(model).predictRows(ds.rows.slice(-200));
      const loaded = required(served[k], `served model ${k}`).predictRows(ds.rows.slice(-200));
      expect(Array.from(loaded.homeWin)).toEqual(Array.from(fresh.homeWin));
      expect(Array.from(loaded.margin)).toEqual(Array.from(fresh.margin));
    });
  });

  it('explains the home-win log-odds: the baseline plus every contribution is the forecast', () => {
    for (const model of served) {
      const forecasts = matchups.map((m) => model.predictMatchup(state, m, m.line));
      const all = model.explain(
        forecasts.map((f) => f.features),
        model.spec.features.length,
      );
      const top = model.explain(
        forecasts.map((f) => f.features),
        3,
      );
      forecasts.forEach((f, i) => {
        const e = required(all[i], `explanation ${i}`);
        expect(e.target).toBe('home_win_log_odds');
        expect(e.contributions).toHaveLength(model.spec.features.length);
        const z = e.baseline + e.contributions.reduce((s, c) => s + c.contribution, 0);
        expect(z).toBeCloseTo(Math.log(f.homeWinProbability / (1 - f.homeWinProbability)), 4);
        expect(required(top[i], `top explanation ${i}`).contributions).toEqual(e.contributions.slice(0, 3));
      });
    }
  });

  it("refuses a version whose registered feature spec is not its bundle's", () => {
    const reg = toRegistration(required(trained[0], 'the first trained model'));
    const featureSpec = { ...reg.featureSpec, features: [...reg.featureSpec.features].reverse() };
    expect(() => ServingModel.fromRegistration({ params: reg.params, featureSpec }, reg.artifacts)).toThrow(
      ModelingError,
    );
    expect(() => ServingModel.fromRegistration({ params: reg.params, featureSpec }, reg.artifacts)).toThrow(
      /registered feature spec differs/,
    );
  });
});
