// Hindcasts on a generated league in PostgreSQL: the forecasts stored for past days are those the
// walk-forward backtest makes with the same retrain cadence, they are of kind hindcast (never the
// live record's), settled, and a second run trains and stores nothing new.
import { loadFeatureInputs } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { runBacktest } from '@nba/modeling';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { dailyModels, demoLeague, runHindcast, type HindcastArgs } from '../src';
import { storeLeague } from './league-database';

const TODAY = '2025-11-22';
const logger = silentLogger();
const league = demoLeague(TODAY);
const args: HindcastArgs = { from: '2025-11-06', to: '2025-11-15', models: dailyModels('nba-winner') };
let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'lifecycle_hindcast' });
  registry = new ModelRegistry(db.client, { logger });
  await storeLeague(db.client, league.games);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Stored hindcasts by model name and game key. */
async function storedHindcasts(): Promise<Map<string, { p: number; settled: boolean; version: string }>> {
  const rows = await db.client.prediction.findMany({
    where: { modelVersion: { kind: 'hindcast' } },
    include: { game: true, modelVersion: true },
  });
  return new Map(
    rows.map((r) => [
      `${r.modelVersion.name} ${r.game.gameKey}`,
      { p: r.homeWinProb, settled: r.settledAt !== null, version: r.modelVersion.version },
    ]),
  );
}

test('a hindcast stores the walk-forward backtest’s forecasts of each day, as hindcasts, settled; a rerun changes nothing', async () => {
  const deps = { db: db.client, databaseUrl: db.url, registry, logger };
  const first = await runHindcast(deps, args);
  expect(first.status).toBe('succeeded');
  const windows = first.results.hindcast?.windows ?? [];
  // 2025-11-06..15 spans two weekly windows of the season (first game day 2025-10-21 in the demo)
  expect(new Set(windows.map((w) => w.cutoff)).size).toBeGreaterThanOrEqual(2);
  expect(windows.every((w) => !w.reused && w.stored === w.games)).toBe(true);
  const stored = await storedHindcasts();
  const games = league.games.filter((g) => g.date >= args.from && g.date <= args.to);
  expect(stored.size).toBe(2 * games.length);
  expect([...stored.values()].every((s) => s.settled)).toBe(true);

  // the same days in the backtest retraining weekly: the same probabilities
  const history = await loadFeatureInputs(db.client);
  const backtest = new Map<string, { model_stats: number; model_market: number }>();
  runBacktest(history.games, history.lines, {
    fromSeason: 2026,
    toSeason: 2026,
    retrainDays: 7,
    onForecast: (f) => void (f.date >= args.from && f.date <= args.to && backtest.set(f.game, f)),
  });
  expect(backtest.size).toBe(games.length);
  let largest = 0;
  for (const [game, f] of backtest) {
    largest = Math.max(largest, Math.abs((stored.get(`nba-winner ${game}`)?.p ?? NaN) - f.model_market));
    largest = Math.max(largest, Math.abs((stored.get(`nba-winner-stats ${game}`)?.p ?? NaN) - f.model_stats));
  }
  // the registered model JSON read back predicts as the trained booster (float32 sums)
  expect(largest).toBeLessThan(1e-6);

  // hindcasts are not live: no live version, nothing in production, the registry's live list empty
  expect(await registry.listVersions({})).toEqual([]);
  expect((await registry.listVersions({ kind: 'hindcast' })).length).toBe(windows.length);

  const second = await runHindcast(deps, args);
  expect(second.status).toBe('succeeded');
  expect(second.results.hindcast?.windows.every((w) => w.reused && w.stored === 0)).toBe(true);
  expect(await storedHindcasts()).toEqual(stored);
}, 600_000);

test('a second hindcast while one holds the lease is refused before it writes anything', async () => {
  const deps = { db: db.client, databaseUrl: db.url, registry, logger };
  const running = runHindcast(deps, { ...args, from: '2025-11-16', to: '2025-11-18' });
  // wait until the first run's lease is taken (its run row exists)
  for (
    let i = 0;
    i < 200 && (await db.client.pipelineRun.count({ where: { name: 'hindcast', status: 'running' } })) === 0;
    i++
  )
    await new Promise((r) => setTimeout(r, 25));
  await expect(runHindcast(deps, args)).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
  expect((await running).status).toBe('succeeded');
}, 600_000);
