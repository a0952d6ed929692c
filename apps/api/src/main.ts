#!/usr/bin/env node
import { databaseProblemOf, openDatabase, type Database } from '@nba/db';
import type { Logger } from '@nba/logging';
import { createAppLogger, readEnv } from './env';
import { startServer, type RunningServer } from './server';

/**
 * Exit codes, the same in the three apps: 0 stopped cleanly, 1 failed, 2 bad configuration, 3 the
 * database cannot be used (refused, stalled, unknown, credentials refused, not migrated).
 */
const EXIT = { OK: 0, FAILED: 1, CONFIG: 2, DATABASE: 3 } as const;

/**
 * The API process: parse the environment (fail fast naming every bad variable), connect (the
 * embedded PostgreSQL, migrated, when DATABASE_URL is unset; a managed database is migrated by
 * its own job, and checked here), build the features, load the production model, listen;
 * SIGTERM/SIGINT stop it gracefully. A database problem at start-up is one line on stderr naming
 * the fix, and exit 3.
 */
export async function main(): Promise<void> {
  let env;
  try {
    env = readEnv();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(EXIT.CONFIG);
  }
  const logger: Logger = createAppLogger(env);
  const timeouts = { connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS, poolTimeoutMs: env.DB_POOL_TIMEOUT_MS, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS };
  let db: Database;
  let running: RunningServer;
  try {
    db = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      // loaded only without DATABASE_URL: an image for a managed database leaves the package out
      startEmbedded: async () => {
        const { defaultDataDir, startEmbeddedPostgres } = await import('@nba/embedded-db');
        return startEmbeddedPostgres({ dataDir: env.NBA_DATA_DIR ?? defaultDataDir(process.env), logger });
      },
      migrate: env.DATABASE_URL === undefined,
      logger,
      ...timeouts,
    });
    running = await startServer({
      db,
      logger,
      port: env.PORT,
      host: env.HOST,
      modelNames: env.MODEL_NAMES,
      rollingWindowGames: env.ROLLING_WINDOW_GAMES,
      modelPollIntervalMs: env.MODEL_POLL_INTERVAL_MS,
      dbConnectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      featureRefreshIntervalMs: env.FEATURE_REFRESH_INTERVAL_MS,
      shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      accessLog: env.ACCESS_LOG,
      predictCacheSize: env.PREDICT_CACHE_SIZE,
    });
  } catch (err) {
    const problem = databaseProblemOf(err, env.DATABASE_URL);
    if (!problem) throw err;
    process.stderr.write(`error: ${problem.message}\n`);
    // no db.close(): closing waits on connections a stalled server never answers
    process.exit(EXIT.DATABASE);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('signal received', { signal });
    running
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(EXIT.OK),
        (err) => {
          logger.error('shutdown failed', { err });
          process.exit(EXIT.FAILED);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(EXIT.FAILED);
  });
}
