import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { ModelRegistry, RegistryError, scoreForecasts } from '../src';
import { registration, winModel } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_art' });
  registry = new ModelRegistry(db.client, { actor: 'qa@test' });
});
afterAll(async () => db.drop());

describe('artifact integrity', () => {
  test('a corrupted artifact is refused with a clear error; the intact one loads', async () => {
    const v = await registry.registerVersion(registration('corrupt', '1.0.0'));
    await registry.registerVersion(registration('corrupt', '1.0.1'));
    // Flip one digit inside the stored model, as disk or a bad restore might.
    const original = Buffer.from(winModel(), 'utf8');
    const damaged = Buffer.from(original);
    const at = damaged.indexOf('"base_score"') + 20;
    damaged[at] = damaged[at] === 0x31 ? 0x32 : 0x31;
    await db.client.$executeRaw`UPDATE model_artifacts SET content = ${new Uint8Array(damaged)} WHERE model_version_id = ${v.id} AND role = 'win'`;
    const error = await registry.loadArtifacts('corrupt', '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('CHECKSUM_MISMATCH');
    expect((error as RegistryError).message).toMatch(
      /the 'win' artifact of model 'corrupt' version 1\.0\.0 is corrupted: its sha256 is [0-9a-f]{64} but [0-9a-f]{64} was recorded/,
    );
    expect((await registry.loadArtifacts('corrupt', '1.0.1')).win).toBe(winModel());
  });
});

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

describe('compare', () => {
  test('metrics side by side with differences; no live section without common settled games', async () => {
    await registry.registerVersion(registration('cmp', '1.0.0', { metrics: { logLoss: 0.65, accuracy: 0.62, backtest: { logLoss: 0.66 } } }));
    await registry.registerVersion(registration('cmp', '1.1.0', { metrics: { logLoss: 0.63, accuracy: 0.64, brier: 0.22 } }));
    const c = await registry.compareVersions({ name: 'cmp', version: '1.0.0' }, { name: 'cmp', version: '1.1.0' });
    expect(c.a.version).toBe('1.0.0');
    expect(c.b.version).toBe('1.1.0');
    expect(c.metrics).toEqual([
      { dataset: 'backtest', metric: 'logLoss', a: 0.66, b: null, difference: null },
      { dataset: 'validation', metric: 'accuracy', a: 0.62, b: 0.64, difference: expect.closeTo(0.02, 12) },
      { dataset: 'validation', metric: 'brier', a: null, b: 0.22, difference: null },
      { dataset: 'validation', metric: 'logLoss', a: 0.65, b: 0.63, difference: expect.closeTo(-0.02, 12) },
    ]);
    expect(c.live).toBeUndefined();
  });

  test('live scores on the games both versions forecast and that are settled', async () => {
    const games = await seedGames(6);
    const [a, b] = await Promise.all([registry.getVersion('cmp', '1.0.0'), registry.getVersion('cmp', '1.1.0')]);
    // Outcomes: home won games 0..2 (homeScore > awayScore for i >= 3) — see seedGames.
    const won = [false, false, false, true, true, true];
    const pa = [0.4, 0.6, 0.3, 0.7, 0.55, 0.5];
    const pb = [0.2, 0.45, 0.35, 0.8, 0.6, 0.9];
    for (let i = 0; i < 6; i++) {
      const settledA = i < 5; // a's forecast of game 5 is not settled yet
      await db.client.prediction.create({
        data: { gameId: games[i]!, modelVersionId: a.id, homeWinProb: pa[i]!, ...(settledA ? { homeWon: won[i]!, settledAt: new Date() } : {}) },
      });
      if (i === 0) continue; // b never forecast game 0
      await db.client.prediction.create({ data: { gameId: games[i]!, modelVersionId: b.id, homeWinProb: pb[i]!, homeWon: won[i]!, settledAt: new Date() } });
    }
    const c = await registry.compareVersions({ name: 'cmp', version: '1.0.0' }, { name: 'cmp', version: '1.1.0' });
    const common = [1, 2, 3, 4];
    const expectedA = scoreForecasts(common.map((i) => ({ p: pa[i]!, won: won[i]! })));
    const expectedB = scoreForecasts(common.map((i) => ({ p: pb[i]!, won: won[i]! })));
    expect(c.live?.games).toBe(4);
    expect(c.live?.a).toEqual(expectedA);
    expect(c.live?.b).toEqual(expectedB);
    // Hand-computed: a gets games 2,3,4 right (0.75); b gets all four right (1.0).
    expect(c.live?.a.accuracy).toBe(0.75);
    expect(c.live?.b.accuracy).toBe(1);
    expect(c.live?.difference.logLoss).toBeCloseTo(expectedB.logLoss - expectedA.logLoss, 12);
    expect(c.live!.b.logLoss).toBeLessThan(c.live!.a.logLoss);
  });

  test('comparing an unknown version names it', async () => {
    await expect(registry.compareVersions({ name: 'cmp', version: '1.0.0' }, { name: 'cmp', version: '4.0.0' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining("'cmp' version 4.0.0"),
    });
  });
});
