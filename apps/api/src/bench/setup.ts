import path from 'node:path';
import type { DbClient } from '@nba/db';
import { buildFeatures } from '@nba/features';
import { type GameRecord } from '@nba/games';
import { silentLogger } from '@nba/logging';
import {
  assembleDataset,
  disposeModel,
  loadGamesCsv,
  ServingModel,
  toRegistration,
  trainModel,
  type TrainedModel,
} from '@nba/modeling';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';

/** A bench database: the real history, a production model, stored predictions for one day. */
export interface BenchDatabase {
  db: TestDatabase;
  registry: ModelRegistry;
  /** A day with stored predictions. */
  predictionsDate: string;
  /** Registers and returns a second version to promote mid-run (not yet promoted). */
  registerSecond(): Promise<string>;
  close(): Promise<void>;
}

function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`);
}

async function insertGames(db: DbClient, games: readonly GameRecord[]): Promise<void> {
  for (let i = 0; i < games.length; i += 2000) {
    await db.game.createMany({
      data: games.slice(i, i + 2000).map((g) => ({
        gameKey: g.id,
        season: g.season,
        date: new Date(`${g.date}T00:00:00Z`),
        homeCode: g.home,
        awayCode: g.away,
        status: g.homePts === undefined ? ('scheduled' as const) : ('final' as const),
        homeScore: g.homePts ?? null,
        awayScore: g.awayPts ?? null,
        gameType: g.gameType,
        neutralSite: g.neutral,
        source: 'csv',
      })),
    });
  }
}

async function register(registry: ModelRegistry, model: TrainedModel, version: string): Promise<void> {
  // exactly what the pipeline registers
  await registry.registerVersion({ name: 'nba-winner', version, ...toRegistration(model), createdBy: 'api-bench' });
}

/**
 * Loads games.csv and odds.csv into a fresh database, trains the market variant with the default
 * parameters (what the pipeline registers), promotes it, and stores its forecasts for the last
 * regular-season day with many games. Returns undefined (with a message) when the data is absent.
 */
export async function prepareBenchDatabase(): Promise<BenchDatabase | undefined> {
  // absent outside CI: says why and skips; in CI: fails
  const dir = sharedDataDir();
  if (!dir) return undefined;
  const { games, lines } = loadGamesCsv(path.join(dir, 'games.csv'), path.join(dir, 'odds.csv'));
  const db = await createTestDatabase({ prefix: 'api_bench' });
  try {
    await insertGames(db.client, games);
    log(`${games.length} games loaded; training the model (default parameters)…`);
    const started = Date.now();
    const { rows } = buildFeatures(games, lines);
    const ds = assembleDataset(rows);
    const model = trainModel(ds, 'market');
    log(
      `trained in ${((Date.now() - started) / 1000).toFixed(1)} s (rounds: win ${model.bestIterations.win}, margin ${model.bestIterations.margin}, total ` +
        `${model.bestIterations.total})`,
    );
    const registry = new ModelRegistry(db.client, { logger: silentLogger() });
    await register(registry, model, '1.0.0');
    await registry.promoteVersion('nba-winner', '1.0.0', { actor: 'api-bench' });
    // stored forecasts of a busy day late in the data
    const counts = new Map<string, number>();
    for (const g of games) if (g.gameType === 'regular') counts.set(g.date, (counts.get(g.date) ?? 0) + 1);
    const predictionsDate = [...counts]
      .filter(([, n]) => n >= 10)
      .map(([d]) => d)
      .sort()
      .pop() as string;
    const dayRows = rows.filter((r) => r.game.date === predictionsDate);
    const p = ServingModel.fromTrained(model).predictRows(dayRows);
    const version = await db.client.modelVersion.findFirstOrThrow({ where: { name: 'nba-winner', version: '1.0.0' } });
    const gameIds = new Map(
      (await db.client.game.findMany({ where: { date: new Date(`${predictionsDate}T00:00:00Z`) } })).map((g) => [
        g.gameKey,
        g.id,
      ]),
    );
    await db.client.prediction.createMany({
      data: dayRows.map((r, i) => {
        const prob = p.homeWin[i] as number;
        const line = lines.get(r.game.id);
        const won = (r.game.homePts as number) > (r.game.awayPts as number);
        return {
          gameId: gameIds.get(r.game.id) as number,
          modelVersionId: version.id,
          homeWinProb: prob,
          expectedMargin: p.margin[i] as number,
          expectedTotal: p.total[i] as number,
          marketSpread: line?.spreadHome ?? null,
          marketTotal: line?.total ?? null,
          settledAt: new Date(),
          homeWon: won,
          logLoss: -Math.log(won ? prob : 1 - prob),
          brier: (prob - (won ? 1 : 0)) ** 2,
        };
      }),
    });
    log(`${dayRows.length} stored predictions on ${predictionsDate}`);
    return {
      db,
      registry,
      predictionsDate,
      async registerSecond() {
        const stats = trainModel(ds, 'stats');
        await register(registry, stats, '1.1.0');
        disposeModel(stats);
        return '1.1.0';
      },
      async close() {
        disposeModel(model);
        await db.drop();
      },
    };
  } catch (err) {
    await db.drop();
    throw err;
  }
}
