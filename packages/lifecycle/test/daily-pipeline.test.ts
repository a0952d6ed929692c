import { loadFeatureInputs } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { required } from '@nba/errors';
import { parseEnv, upstreamEnv } from '@nba/config';
import {
  backfillFromUpstreams,
  createDailyPipeline,
  dailyModels,
  demoLeague,
  openUpstreams,
  trainCandidate,
  type DailyArgs,
  type TrainResult,
  type Upstreams,
} from '../src';

// A mid-season day of the generated demo league (2025-26 season).
const DATE = '2026-01-15';
const logger = silentLogger();

function args(overrides: Partial<DailyArgs> = {}): DailyArgs {
  return {
    date: DATE,
    source: 'demo',
    skipOdds: false,
    skipTrain: false,
    autoPromote: true,
    models: dailyModels('nba-winner'),
    lookbackDays: 2,
    ...overrides,
  };
}

describe('daily pipeline against the stand-ins and PostgreSQL', () => {
  let db: TestDatabase;
  let upstreams: Upstreams;
  let registry: ModelRegistry;
  const gamesOnDate = demoLeague(DATE).games.filter((g) => g.date === DATE).length;

  beforeAll(async () => {
    db = await createTestDatabase();
    registry = new ModelRegistry(db.client, { logger });
    upstreams = await openUpstreams('demo', { env: parseEnv(upstreamEnv, {}), logger, db: db.client }, DATE);
    // Two seasons of history: the season before and the current one up to the date.
    await backfillFromUpstreams({ db: db.client, logger }, upstreams, {
      fromSeason: 2025,
      toSeason: 2026,
      withOdds: true,
      today: DATE,
    });
  }, 180_000);

  afterAll(async () => {
    await upstreams?.close();
    await db?.drop();
  });

  it('stores games, odds and predictions for the date, and promotes the first version of both models', async () => {
    expect(gamesOnDate).toBeGreaterThan(0);
    const result = await createDailyPipeline({ db: db.client, databaseUrl: db.url, registry, logger, upstreams }).run(
      args(),
    );
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
      ['outlook', 'succeeded'],
    ]);
    const date = new Date(`${DATE}T00:00:00Z`);
    expect(await db.client.game.count({ where: { date } })).toBe(gamesOnDate);
    expect(await db.client.oddsSnapshot.count({ where: { game: { date } } })).toBeGreaterThan(0);
    const predictions = await db.client.prediction.findMany({
      where: { game: { date } },
      include: { modelVersion: true },
    });
    expect(predictions).toHaveLength(2 * gamesOnDate);
    expect(predictions.filter((p) => p.modelVersion.name === 'nba-winner-stats')).toHaveLength(gamesOnDate);
    for (const p of predictions) {
      expect(p.homeWinProb).toBeGreaterThan(0);
      expect(p.homeWinProb).toBeLessThan(1);
      expect(p.isDemo).toBe(true);
      expect(p.marketHomeProb).not.toBeNull();
      expect(p.edge).toBeCloseTo(p.homeWinProb - (p.marketHomeProb as number), 10);
    }
    // the morning's season outlook: one row per team, marked as demo data
    const outlook = await db.client.seasonOutlook.findMany({ where: { date } });
    expect(outlook).toHaveLength(30);
    expect(outlook.every((o) => o.isDemo && o.season === 2026 && o.simulations === 10_000)).toBe(true);
    const candidates = (result.results.train as TrainResult).candidates;
    expect(candidates.map((c) => [c.name, c.variant, c.version])).toEqual([
      ['nba-winner', 'market', '1.0.0'],
      ['nba-winner-stats', 'stats', '1.0.0'],
    ]);
    // the guardrail's comparison: the market-aware candidate beside the market on its holdout games with a line
    const lined = required(
      required(candidates[0], 'the market-aware candidate').candidate?.lined,
      "the candidate's scores on games with a line",
    );
    expect(lined.logLoss).toBeLessThanOrEqual(lined.market + 0.0005);
    for (const [i, name] of ['nba-winner', 'nba-winner-stats'].entries()) {
      const production = await registry.getProductionVersion(name);
      expect(production?.version).toBe('1.0.0');
      expect(production?.pipelineRunId).toBe(result.runId);
      expect(production?.fingerprint).toBe(candidates[i]?.fingerprint);
    }
    const runs = await db.client.pipelineRun.findMany({ include: { tasks: true } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', lockKey: DATE, holder: matching(/^\d+@/) });
  }, 180_000);

  it('a second run of the same day reuses the version (same fingerprint): no new version, one production', async () => {
    const again = await createDailyPipeline({ db: db.client, databaseUrl: db.url, registry, logger, upstreams }).run(
      args(),
    );
    expect(again.status).toBe('succeeded');
    for (const c of (again.results.train as TrainResult).candidates)
      expect(c).toMatchObject({ version: '1.0.0', reused: true, inProduction: true });
    expect(again.tasks.find((t) => t.name === 'promote')).toMatchObject({
      status: 'skipped',
      reason:
        'nba-winner 1.0.0 is already the production version; nba-winner-stats 1.0.0 is already the production version',
    });
    expect((await registry.listVersions({ name: 'nba-winner' })).map((v) => v.version)).toEqual(['1.0.0']);
    expect((await registry.listVersions({ name: 'nba-winner-stats' })).map((v) => v.version)).toEqual(['1.0.0']);
    expect(await db.client.modelVersion.count({ where: { status: 'production' } })).toBe(2);
    expect(await db.client.prediction.count({ where: { game: { date: new Date(`${DATE}T00:00:00Z`) } } })).toBe(
      2 * gamesOnDate,
    );
  }, 180_000);

  it('trains a new version when an input changes, and reuses it when the same inputs come again', async () => {
    const history = await loadFeatureInputs(db.client);
    const options = { name: 'nba-winner', variant: 'stats' as const, isDemo: true };
    const [runA, runB] = (await db.client.pipelineRun.findMany({ select: { id: true } })).map((r) => r.id);
    const first = await trainCandidate({ registry, logger }, history, {
      ...options,
      runId: required(runA, 'the first run'),
    });
    expect(first.version).toBe('1.1.0');
    expect((await registry.getVersion('nba-winner', '1.1.0')).pipelineRunId).toBe(runA);
    expect(first).toMatchObject({ version: '1.1.0', reused: false });
    const versions = (await registry.listVersions({ name: 'nba-winner' })).length;
    const again = await trainCandidate({ registry, logger }, history, {
      ...options,
      runId: required(runB, 'the second run'),
    });
    expect(again).toMatchObject({ version: first.version, reused: true, fingerprint: first.fingerprint });
    expect(again.candidate).toEqual(first.candidate);
    expect((await registry.listVersions({ name: 'nba-winner' })).length).toBe(versions);
    // one more finished game is another training set: another version
    const g = required(
      history.games.find((x) => x.homePts === undefined),
      'an unfinished game',
    );
    const changed = {
      ...history,
      games: history.games.map((x) => (x === g ? { ...x, homePts: 101, awayPts: 99 } : x)),
    };
    const next = await trainCandidate({ registry, logger }, changed, {
      ...options,
      runId: required(runB, 'the second run'),
    });
    expect(next.reused).toBe(false);
    expect(next.fingerprint).not.toBe(first.fingerprint);
    expect(next.version).toBe('1.2.0');
  }, 180_000);

  it('settles earlier predictions once their games are final', async () => {
    // The next morning the upstreams report the date's games as final.
    const next = await openUpstreams('demo', { env: parseEnv(upstreamEnv, {}), logger, db: db.client }, '2026-01-16');
    try {
      const result = await createDailyPipeline({
        db: db.client,
        databaseUrl: db.url,
        registry,
        logger,
        upstreams: next,
      }).run(args({ date: '2026-01-16', skipTrain: true }));
      expect(result.status).toBe('succeeded');
      expect(result.results.settle).toEqual({ settled: 2 * gamesOnDate });
    } finally {
      await next.close();
    }
    const settled = await db.client.prediction.findMany({
      where: { settledAt: { not: null } },
      include: { game: true },
    });
    expect(settled).toHaveLength(2 * gamesOnDate);
    for (const p of settled) {
      const y = required(p.game.homeScore, 'home score') > required(p.game.awayScore, 'away score') ? 1 : 0;
      expect(p.homeWon).toBe(y === 1);
      expect(p.brier).toBeCloseTo((p.homeWinProb - y) ** 2, 10);
      expect(p.logLoss).toBeCloseTo(-Math.log(y ? p.homeWinProb : 1 - p.homeWinProb), 10);
    }
  }, 180_000);

  it('completes a run while half the upstream requests fail, without duplicating rows', async () => {
    const before = {
      games: await db.client.game.count(),
      odds: await db.client.oddsSnapshot.count(),
      predictions: await db.client.prediction.count(),
    };
    const kinds = ['server-error', 'unavailable', 'rate-limit', 'malformed', 'reset', 'envelope-rate-limit'] as const;
    const standIns = required(upstreams.standIns, 'the demo stand-ins');
    standIns.apiBasketball.setFaults({ rate: 0.5, kinds: [...kinds], seed: 11 });
    standIns.odds.setFaults({ rate: 0.5, kinds: [...kinds], seed: 12 });
    try {
      const result = await createDailyPipeline({ db: db.client, databaseUrl: db.url, registry, logger, upstreams }).run(
        args({ skipTrain: true }),
      );
      expect(result.status).toBe('succeeded');
      expect(result.tasks.find((t) => t.name === 'ingest_odds')?.status).toBe('succeeded');
    } finally {
      standIns.apiBasketball.clearFaults();
      standIns.odds.clearFaults();
    }
    const injected = [
      ...standIns.apiBasketball.injectedFaults.values(),
      ...standIns.odds.injectedFaults.values(),
    ].reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(0);
    expect(await db.client.game.count()).toBe(before.games);
    expect(await db.client.prediction.count()).toBe(before.predictions);
    // Odds: the same snapshots again (same capture times) are not new rows.
    expect(await db.client.oddsSnapshot.count()).toBe(before.odds);
  }, 180_000);
});
