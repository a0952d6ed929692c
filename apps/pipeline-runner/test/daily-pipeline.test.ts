import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { backfillFromUpstreams } from '../src/commands/backfill';
import { createDailyPipeline, type DailyArgs } from '../src/daily/daily-pipeline';
import { loadHistory } from '../src/daily/history';
import { trainCandidate } from '../src/daily/train-candidate';
import { readEnv } from '../src/env';
import { demoLeague, openUpstreams, type Upstreams } from '../src/upstreams/upstreams';

// A mid-season day of the generated demo league (2025-26 season).
const DATE = '2026-01-15';
const logger = silentLogger();

function args(overrides: Partial<DailyArgs> = {}): DailyArgs {
  return { date: DATE, source: 'demo', skipOdds: false, skipTrain: false, autoPromote: true, modelName: 'nba-winner', variant: 'market', lookbackDays: 2, ...overrides };
}

describe('daily pipeline against the stand-ins and PostgreSQL', () => {
  let db: TestDatabase;
  let upstreams: Upstreams;
  let registry: ModelRegistry;
  const gamesOnDate = demoLeague(DATE).games.filter((g) => g.date === DATE).length;

  beforeAll(async () => {
    db = await createTestDatabase();
    registry = new ModelRegistry(db.client, { logger });
    upstreams = await openUpstreams('demo', readEnv({}), logger, DATE);
    // Two seasons of history: the season before and the current one up to the date.
    await backfillFromUpstreams({ db: db.client, logger }, upstreams, { fromSeason: 2025, toSeason: 2026, withOdds: true, today: DATE });
  }, 180_000);

  afterAll(async () => {
    await upstreams?.close();
    await db?.drop();
  });

  it('stores games, odds and predictions for the date, and promotes the first model', async () => {
    expect(gamesOnDate).toBeGreaterThan(0);
    const result = await createDailyPipeline({ db: db.client, registry, logger, upstreams }).run(args());
    expect(result.failedRequired).toEqual([]);
    expect(result.status).toBe('succeeded');
    expect(result.tasks.map((t) => [t.name, t.status])).toEqual([
      ['ingest_games', 'succeeded'],
      ['ingest_odds', 'succeeded'],
      ['settle', 'succeeded'],
      ['features', 'succeeded'],
      ['train', 'succeeded'],
      ['promote', 'succeeded'],
      ['predict', 'succeeded'],
    ]);
    const date = new Date(`${DATE}T00:00:00Z`);
    expect(await db.client.game.count({ where: { date } })).toBe(gamesOnDate);
    expect(await db.client.oddsSnapshot.count({ where: { game: { date } } })).toBeGreaterThan(0);
    const predictions = await db.client.prediction.findMany({ where: { game: { date } } });
    expect(predictions).toHaveLength(gamesOnDate);
    for (const p of predictions) {
      expect(p.homeWinProb).toBeGreaterThan(0);
      expect(p.homeWinProb).toBeLessThan(1);
      expect(p.isDemo).toBe(true);
      expect(p.marketHomeProb).not.toBeNull();
      expect(p.edge).toBeCloseTo(p.homeWinProb - (p.marketHomeProb as number), 10);
    }
    const production = await registry.production('nba-winner');
    expect(production?.version).toBe('1.0.0');
    expect(production?.notes).toContain(`pipeline run ${result.runId}`);
    const runs = await db.client.pipelineRun.findMany({ include: { tasks: true } });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('succeeded');
  }, 180_000);

  it('reuses the candidate a cancelled run registered when that run is resumed', async () => {
    const history = await loadHistory(db.client);
    const options = { name: 'nba-winner', variant: 'stats' as const, isDemo: true };
    const first = await trainCandidate({ registry, logger }, history, { ...options, runIds: ['11111111-1111-4111-8111-111111111111'] });
    const versions = (await registry.list({ name: 'nba-winner' })).length;
    const resumed = await trainCandidate({ registry, logger }, history, { ...options, runIds: ['22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111'] });
    expect(resumed.version).toBe(first.version);
    expect(resumed.candidate).toEqual(first.candidate);
    expect((await registry.list({ name: 'nba-winner' })).length).toBe(versions);
  }, 180_000);

  it('settles earlier predictions once their games are final', async () => {
    // The next morning the upstreams report the date's games as final.
    const next = await openUpstreams('demo', readEnv({}), logger, '2026-01-16');
    try {
      const result = await createDailyPipeline({ db: db.client, registry, logger, upstreams: next }).run(args({ date: '2026-01-16', skipTrain: true }));
      expect(result.status).toBe('succeeded');
      expect(result.results.settle).toEqual({ settled: gamesOnDate });
    } finally {
      await next.close();
    }
    const settled = await db.client.prediction.findMany({ where: { settledAt: { not: null } }, include: { game: true } });
    expect(settled).toHaveLength(gamesOnDate);
    for (const p of settled) {
      const y = p.game.homeScore! > p.game.awayScore! ? 1 : 0;
      expect(p.homeWon).toBe(y === 1);
      expect(p.brier).toBeCloseTo((p.homeWinProb - y) ** 2, 10);
      expect(p.logLoss).toBeCloseTo(-Math.log(y ? p.homeWinProb : 1 - p.homeWinProb), 10);
    }
  }, 180_000);

  it('completes a run while half the upstream requests fail, without duplicating rows', async () => {
    const before = { games: await db.client.game.count(), odds: await db.client.oddsSnapshot.count(), predictions: await db.client.prediction.count() };
    const kinds = ['server-error', 'unavailable', 'rate-limit', 'malformed', 'reset', 'envelope-rate-limit'] as const;
    upstreams.standIns!.apiBasketball.setFaults({ rate: 0.5, kinds: [...kinds], seed: 11 });
    upstreams.standIns!.odds.setFaults({ rate: 0.5, kinds: [...kinds], seed: 12 });
    try {
      const result = await createDailyPipeline({ db: db.client, registry, logger, upstreams }).run(args({ skipTrain: true }));
      expect(result.status).toBe('succeeded');
      expect(result.tasks.find((t) => t.name === 'ingest_odds')?.status).toBe('succeeded');
    } finally {
      upstreams.standIns!.apiBasketball.clearFaults();
      upstreams.standIns!.odds.clearFaults();
    }
    const injected = [...upstreams.standIns!.apiBasketball.injectedFaults.values(), ...upstreams.standIns!.odds.injectedFaults.values()].reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(0);
    expect(await db.client.game.count()).toBe(before.games);
    expect(await db.client.prediction.count()).toBe(before.predictions);
    // Odds: the same snapshots again (same capture times) are not new rows.
    expect(await db.client.oddsSnapshot.count()).toBe(before.odds);
  }, 180_000);
});
