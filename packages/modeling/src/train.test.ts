import { buildFeatures, type ClosingLine, type GameRecord } from '@nba/features';
import { TEAM_CODES } from '@nba/features';
import { assembleDataset } from './dataset';
import { logLoss } from './metrics';
import { deserializeModel, predictMatchup, serializeModel } from './predict';
import { disposeModel, predictRows, trainModel } from './train';

/** Three made-up seasons: fixed team strengths, normal noise, a line that knows the strengths. */
function synthetic(): { games: GameRecord[]; lines: Map<string, ClosingLine> } {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const strength = new Map(TEAM_CODES.map((t, i) => [t, (i - 14.5) * 0.6]));
  const games: GameRecord[] = [];
  const lines = new Map<string, ClosingLine>();
  for (const season of [2001, 2002, 2003]) {
    const start = Date.UTC(season - 1, 10, 1);
    for (let d = 0; d < 150; d++) {
      const date = new Date(start + d * 86400000).toISOString().slice(0, 10);
      const order = [...TEAM_CODES].sort(() => rand() - 0.5);
      for (let k = 0; k < 8; k++) {
        const home = order[2 * k] as string;
        const away = order[2 * k + 1] as string;
        const mean = (strength.get(home) as number) - (strength.get(away) as number) + 3;
        const margin = Math.round(mean + 12 * normal()) || 1;
        const total = Math.round(215 + 15 * normal());
        const id = `${date}_${away}_${home}`;
        games.push({ id, season, date, home, away, gameType: 'regular', neutral: false, homePts: Math.round((total + margin) / 2), awayPts: Math.round((total - margin) / 2) });
        lines.set(id, { spreadHome: -Math.round(mean * 2) / 2, total: 215 });
      }
    }
  }
  return { games, lines };
}

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
      const ps = predictRows(stats, last);
      const pm = predictRows(market, last);
      for (const p of [...ps.homeWin, ...pm.homeWin]) expect(p > 0 && p < 1).toBe(true);
      expect(logLoss(pm.homeWin, y)).toBeLessThan(0.66);
      expect(logLoss(pm.homeWin, y)).toBeLessThanOrEqual(logLoss(ps.homeWin, y) + 0.01);
      expect(stats.spec.features).not.toContain('market_prob');
      expect(market.spec.features).toContain('market_prob');
      expect(stats.trainedOn.games).toBe(ds.rows.length);
    } finally {
      disposeModel(stats);
      disposeModel(market);
    }
  });

  it('predicts a hypothetical matchup from the state without changing it, and survives serialization', () => {
    const model = trainModel(ds, 'market');
    const matchup = { season: 2003, date: '2003-12-01', home: 'BOS', away: 'LAL', gameType: 'regular' as const, neutral: false };
    const before = state.featuresFor(matchup);
    const a = predictMatchup(model, state, matchup, { spreadHome: -4, total: 220 });
    const restored = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model))));
    const b = predictMatchup(restored, state, matchup, { spreadHome: -4, total: 220 });
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
    disposeModel(model);
    expect(() => deserializeModel({ ...bundle, format: 'x' as never })).toThrow(/format/);
    expect(() => deserializeModel({ ...bundle, spec: { ...bundle.spec, version: '0.0.0' } })).toThrow(/feature spec/);
  });
});
