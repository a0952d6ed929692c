import { closeOnStopSignals } from '@nba/cli';
import { easternDate } from '@nba/config';
import { openDatabase, type Database } from '@nba/db';
import type { Logger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createAppLogger, readEnv, type PipelineEnv } from './env';

/** What every database command needs: env, logger, database, registry. */
export interface Runtime {
  env: PipelineEnv;
  logger: Logger;
  db: Database;
  registry: ModelRegistry;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Only warnings on the log: for commands whose stdout is their output. */
  quiet?: boolean;
  /**
   * The embedded database for this process alone (`start`): refused in one line when another
   * process runs it on the same data folder, instead of using that one. Other commands use a
   * running one (never stopping it) and otherwise own it for their duration.
   */
  exclusiveEmbedded?: boolean;
}

/**
 * Parses the raw environment, creates the logger, and opens the database (`DATABASE_URL`, or the
 * embedded default, migrated). On a terminal without an explicit LOG_LEVEL, or with `quiet` (for
 * commands whose stdout is their output), only warnings are logged; elsewhere the JSON logs are the
 * output.
 */
export async function openRuntime(rawEnv: NodeJS.ProcessEnv, options: RuntimeOptions = {}): Promise<Runtime> {
  const env = readEnv(rawEnv);
  const quiet = options.quiet || (process.stderr.isTTY && !rawEnv.LOG_LEVEL);
  const logger = createAppLogger(quiet ? { ...env, LOG_LEVEL: 'warn' } : env);
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    // loaded only without DATABASE_URL: an image for a managed database leaves the package out
    startEmbedded: async () => {
      const { defaultDataDir, startEmbeddedPostgres } = await import('@nba/embedded-db');
      return startEmbeddedPostgres({
        dataDir: embeddedDataDir(env, rawEnv, defaultDataDir),
        logger,
        exclusive: options.exclusiveEmbedded,
      });
    },
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    logger,
  });
  const registry = new ModelRegistry(db.client, { logger });
  return { env, logger, db, registry, close: () => db.close() };
}

/** Opens the runtime, runs `work` with it, and closes it whatever happens, a stop signal included. */
export async function withRuntime<T>(
  rawEnv: NodeJS.ProcessEnv,
  options: RuntimeOptions,
  work: (rt: Runtime) => Promise<T>,
): Promise<T> {
  const rt = await openRuntime(rawEnv, options);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= rt.close());
  // a stop signal outside a run: one line, the database closed (an embedded server stopped), exit 1
  const release = closeOnStopSignals({
    close: () => {
      rt.logger.warn('stop signal received: closing the database');
      return close();
    },
    line: (signal) =>
      `pipeline stopped by ${signal}, the database closed; every step is safe to repeat: run the command again to finish`,
    stderr: process.stderr,
  });
  try {
    return await work(rt);
  } finally {
    release();
    await close();
  }
}

/** The embedded database's data folder: NBA_DATA_DIR, else the package's default. */
export function embeddedDataDir(
  env: PipelineEnv,
  rawEnv: NodeJS.ProcessEnv,
  defaultDataDir: (env: NodeJS.ProcessEnv) => string,
): string {
  return env.NBA_DATA_DIR ?? defaultDataDir(rawEnv);
}

/** Today's date in US Eastern time (the NBA's calendar). */
export function easternToday(): string {
  return easternDate(new Date());
}
