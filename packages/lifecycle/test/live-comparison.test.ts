import { required } from '@nba/errors';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, TEST_MODEL_FEATURES, trainTestModelJson, type TestDatabase } from '@nba/testing';
import { liveComparison, scoreSettled } from '../src';

// The live part of `compare` (moved here from the registry, which no longer reads the predictions
// table): the record scores both versions' settled forecasts on the games both forecast.

let db: TestDatabase;
let registry: ModelRegistry;
const win = trainTestModelJson();

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'lifecycle_live' });
  registry = new ModelRegistry(db.client, { actor: 'qa@test' });
  for (const version of ['1.0.0', '1.1.0']) {
    await registry.registerVersion({
      name: 'cmp',
      version,
      artifacts: { win },
      featureSpec: { name: 'pregame', version: '1', features: TEST_MODEL_FEATURES },
      params: { max_depth: 2 },
      metrics: { logLoss: 0.64 },
    });
  }
});
afterAll(async () => db.drop());

async function seedGames(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    const g = await db.client.game.create({
      data: {
        gameKey: `2024010${i}_BOS_LAL_${i}`,
        season: 2024,
        date,
        homeCode: 'LAL',
        awayCode: 'BOS',
        status: 'final',
        homeScore: 100 + i,
        awayScore: 105 - i,
        source: 'test',
      },
    });
    ids.push(g.id);
  }
  return ids;
}

describe('live comparison (the record of stored forecasts)', () => {
  test('scoreSettled: log loss, Brier and accuracy by hand', () => {
    const s = scoreSettled([
      { p: 0.8, won: 1 },
      { p: 0.4, won: 0 },
      { p: 0.3, won: 1 },
    ]);
    expect(s.logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6) + Math.log(0.3)) / 3, 12);
    expect(s.brier).toBeCloseTo((0.04 + 0.16 + 0.49) / 3, 12);
    expect(s.accuracy).toBeCloseTo(2 / 3, 12);
  });

  test('no live section without common settled games', async () => {
    const c = await registry.compareVersions(
      { name: 'cmp', version: '1.0.0' },
      { name: 'cmp', version: '1.1.0' },
      (a, b) => liveComparison(db.client, a, b),
    );
    expect(c.live).toBeUndefined();
  });

  test('live scores on the games both versions forecast and that are settled', async () => {
    const games = await seedGames(6);
    const [a, b] = await Promise.all([registry.getVersion('cmp', '1.0.0'), registry.getVersion('cmp', '1.1.0')]);
    // Outcomes: home won games 0..2 (homeScore > awayScore for i >= 3) — see seedGames.
    const won = [false, false, false, true, true, true];
    const pa = [0.4, 0.6, 0.3, 0.7, 0.55, 0.5];
    const pb = [0.2, 0.45, 0.35, 0.8, 0.6, 0.9];
    const at = <T>(values: readonly T[], i: number): T => required(values[i], `test value ${i}`);
    for (let i = 0; i < 6; i++) {
      const settledA = i < 5; // a's forecast of game 5 is not settled yet
      await db.client.prediction.create({
        data: {
          gameId: at(games, i),
          modelVersionId: a.id,
          homeWinProb: at(pa, i),
          ...(settledA ? { homeWon: at(won, i), settledAt: new Date() } : {}),
        },
      });
      if (i === 0) continue; // b never forecast game 0
      await db.client.prediction.create({
        data: {
          gameId: at(games, i),
          modelVersionId: b.id,
          homeWinProb: at(pb, i),
          homeWon: at(won, i),
          settledAt: new Date(),
        },
      });
    }
    const c = await registry.compareVersions(
      { name: 'cmp', version: '1.0.0' },
      { name: 'cmp', version: '1.1.0' },
      (x, y) => liveComparison(db.client, x, y),
    );
    const common = [1, 2, 3, 4];
    const expectedA = scoreSettled(common.map((i) => ({ p: at(pa, i), won: at(won, i) ? 1 : 0 })));
    const expectedB = scoreSettled(common.map((i) => ({ p: at(pb, i), won: at(won, i) ? 1 : 0 })));
    expect(c.live?.games).toBe(4);
    expect(c.live?.a).toEqual(expectedA);
    expect(c.live?.b).toEqual(expectedB);
    // Hand-computed: a gets games 2,3,4 right (0.75); b gets all four right (1.0).
    expect(c.live?.a.accuracy).toBe(0.75);
    expect(c.live?.b.accuracy).toBe(1);
    expect(c.live?.difference.logLoss).toBeCloseTo(expectedB.logLoss - expectedA.logLoss, 12);
    const live = required(c.live, 'the live section');
    expect(live.b.logLoss).toBeLessThan(live.a.logLoss);
  });
});
