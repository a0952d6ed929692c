import { required } from '@nba/errors';
import { buildFeatures } from '@nba/features';
import { assembleDataset } from './dataset';
import { marketForecast } from './baselines';
import { logLoss } from './metrics';
import { deserializeModel, serializeModel, type ModelBundle } from './bundle';
import { ServingModel } from './serving-model';
import { synthetic } from './synthetic-league.fixture';
import { disposeModel, trainModel } from './train';

describe('training and prediction', () => {
  const { games, lines } = synthetic();
  const { rows, state } = buildFeatures(games, lines);
  const ds = assembleDataset(rows);

  it('trains both variants; the market variant learns from a line that knows the strengths', () => {
    const stats = trainModel(ds, 'stats');
    const market = trainModel(ds, 'market');
    try {
      const last = ds.rows.filter((r) => r.game.season === 2003);
      const y = ds.homeWin.slice(ds.rows.length - last.length);
      const ps = ServingModel.fromTrained(stats).predictRows(last);
      const pm = ServingModel.fromTrained(market).predictRows(last);
      for (const p of [...ps.homeWin, ...pm.homeWin]) expect(p > 0 && p < 1).toBe(true);
      expect(logLoss(pm.homeWin, y)).toBeLessThan(0.66);
      // the market variant keeps only a proven correction of the line, capped so that a correction
      // without skill would cost at most 0.0001 (chooseShrink): this league's line is noisy, the
      // correction proven (about 11 standard errors), so the model beats the line, by what the cap allows
      const shrink = required(market.marketShrink, 'the market shrink');
      const choice = required(shrink.choice, 'the shrink choice');
      expect(
        required(choice.fitted, 'the fitted correction') - required(choice.se, 'its standard error'),
      ).toBeGreaterThan(1);
      expect(shrink.lambda).toBe(choice.cap);
      expect(logLoss(pm.homeWin, y)).toBeLessThan(
        logLoss(
          last.map((r) => marketForecast(r.values)),
          y,
        ),
      );
      expect(stats.spec.features).not.toContain('market_prob');
      expect(market.spec.features).toContain('market_prob');
      expect(stats.trainedOn.games).toBe(ds.rows.length);
      // the stats win probability blends in the margin model's (fitted slope: more margin, more wins)
      expect(stats.marginToWin?.slope).toBeGreaterThan(0);
      expect(market.marginToWin).toBeUndefined();
    } finally {
      disposeModel(stats);
      disposeModel(market);
    }
  });

  it('predicts a hypothetical matchup from the state without changing it, and survives serialization', () => {
    const model = trainModel(ds, 'market');
    const matchup = {
      season: 2003,
      date: '2003-12-01',
      home: 'BOS',
      away: 'LAL',
      gameType: 'regular' as const,
      neutral: false,
    };
    const before = state.featuresFor(matchup);
    const a = ServingModel.fromTrained(model).predictMatchup(state, matchup, { spreadHome: -4, total: 220 });
    const restored = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model))) as ModelBundle);
    const b = ServingModel.fromTrained(restored).predictMatchup(state, matchup, { spreadHome: -4, total: 220 });
    try {
      expect(Array.from(state.featuresFor(matchup))).toEqual(Array.from(before));
      expect(b.homeWinProbability).toBeCloseTo(a.homeWinProbability, 6);
      expect(b.expectedMargin).toBeCloseTo(a.expectedMargin, 4);
      expect(b.expectedTotal).toBeCloseTo(a.expectedTotal, 4);
      expect(a.expectedTotal).toBeGreaterThan(180);
      expect(a.marketProbability).toBeGreaterThan(0.5);
    } finally {
      disposeModel(model);
      disposeModel(restored);
    }
  });

  it('rejects a bundle of an unknown format or feature version', () => {
    const model = trainModel(ds, 'stats');
    const bundle = serializeModel(model);
    expect(bundle.marginToWin).toEqual(model.marginToWin);
    const restored = deserializeModel(JSON.parse(JSON.stringify(bundle)) as ModelBundle);
    const last = ds.rows.slice(-50);
    expect(Array.from(ServingModel.fromTrained(restored).predictRows(last).homeWin)).toEqual(
      Array.from(ServingModel.fromTrained(model).predictRows(last).homeWin),
    );
    disposeModel(restored);
    disposeModel(model);
    expect(() => deserializeModel({ ...bundle, format: 'x' as never })).toThrow(/format/);
    expect(() => deserializeModel({ ...bundle, spec: { ...bundle.spec, version: '0.0.0' } })).toThrow(/feature spec/);
  });
});
