#!/usr/bin/env node
import { defaultDataDir, openDatabase } from '@nba/db';
import type { Logger } from '@nba/logging';
import { createAppLogger, readEnv } from './env';
import { startServer } from './server';

/**
 * The API process: parse the environment (fail fast naming every bad variable), connect (the
 * embedded PostgreSQL, migrated, when DATABASE_URL is unset; a managed database is migrated by
 * its own job), build the features, load the production model, listen; SIGTERM/SIGINT stop it
 * gracefully.
 */
export async function main(): Promise<void> {
  let env;
  try {
    env = readEnv();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const logger: Logger = createAppLogger(env);
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.NBA_DATA_DIR ?? defaultDataDir(process.env),
    migrate: env.DATABASE_URL === undefined,
    logger,
  });
  const running = await startServer({
    db,
    logger,
    port: env.PORT,
    host: env.HOST,
    modelName: env.MODEL_NAME,
    modelPollIntervalMs: env.MODEL_POLL_INTERVAL_MS,
    featureRefreshIntervalMs: env.FEATURE_REFRESH_INTERVAL_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    accessLog: env.ACCESS_LOG,
    predictCacheSize: env.PREDICT_CACHE_SIZE,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('signal received', { signal });
    running
      .close()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (err) => {
          logger.error('shutdown failed', { err });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
