#!/usr/bin/env node
import { defineCommandLine, EXIT, EXIT_CODES_HELP, type AddCommand, type CliIo, type ExitCode } from '@nba/cli';
import { inheritedEnv } from '@nba/config';
import { databaseProblemOf, openDatabase } from '@nba/db';
import { createAppLogger, readEnv } from './env';
import { startServer } from './server';

/** What the API process gets from outside (`@nba/cli`'s convention): streams, the environment, the stop signals. */
export interface ApiProcessDeps extends CliIo {
  env: NodeJS.ProcessEnv;
  /** Calls `stop` once on SIGTERM or SIGINT (with the signal's name). */
  onStopSignal(stop: (signal: string) => void): void;
}

/**
 * The API process: parse the environment (fail fast naming every bad variable), connect (the
 * embedded PostgreSQL, migrated, when DATABASE_URL is unset; a managed database is migrated by
 * its own job, and checked here), build the features, load the production model, listen; the
 * action resolves once a stop signal has closed the server and the database gracefully (a signal
 * during start-up, once the server is up). A database
 * problem at start-up is one line on stderr naming the fix, and exit 3.
 */
async function serve(deps: ApiProcessDeps): Promise<ExitCode> {
  const env = readEnv(deps.env);
  const logger = createAppLogger(env);
  // the stop signals are taken before any work: one that comes during start-up (a rollout, a scale-down) stops the
  // API once it is up, gracefully, instead of killing it half-started by the signal's default action
  let stopSignal: string | undefined;
  let stop: ((signal: string) => void) | undefined;
  deps.onStopSignal((signal) => {
    if (stop) {
      stop(signal);
      return;
    }
    stopSignal = signal;
    logger.info('signal received during start-up; stopping once started', { signal });
  });
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    // loaded only without DATABASE_URL: an image for a managed database leaves the package out
    startEmbedded: async () => {
      const { defaultDataDir, startEmbeddedPostgres } = await import('@nba/embedded-db');
      return startEmbeddedPostgres({ dataDir: env.NBA_DATA_DIR ?? defaultDataDir(deps.env), logger });
    },
    migrate: env.DATABASE_URL === undefined,
    logger,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  });
  // On a start-up failure the process exits without db.close(): closing waits on connections a
  // stalled server never answers.
  const running = await startServer({
    db,
    logger,
    port: env.PORT,
    host: env.HOST,
    // an OS-assigned main port (tests, several local APIs) gets an OS-assigned probe port unless one is named: never a clash on 8081
    probePort: env.PORT === 0 && deps.env.PROBE_PORT === undefined ? 0 : env.PROBE_PORT,
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
  return new Promise<ExitCode>((resolve) => {
    stop = (signal) => {
      logger.info('signal received', { signal });
      running
        .close()
        .then(() => db.close())
        .then(
          () => resolve(EXIT.OK),
          (err: unknown) => {
            logger.error('shutdown failed', { err });
            resolve(EXIT.FAILED);
          },
        );
    };
    if (stopSignal !== undefined) stop(stopSignal);
  });
}

const addServe: AddCommand<ApiProcessDeps> = (program, deps) => {
  program.action(() => serve(deps));
};

/** The API's command line: no arguments (configuration is the environment), by `@nba/cli`'s convention. */
export const apiCli = defineCommandLine<ApiProcessDeps>({
  name: 'api',
  description:
    'the NBA prediction API: serves forecasts, models, health, readiness, metrics and docs until SIGTERM or SIGINT',
  helpAfter: `Configuration: environment variables (PORT, HOST, DATABASE_URL or NBA_DATA_DIR, MODEL_NAMES, …; see the README).\n${EXIT_CODES_HELP}`,
  commands: [addServe],
  failureLabel: 'api failed to start',
  unavailable: (error, deps) => databaseProblemOf(error, deps.env.DATABASE_URL),
});

/** Runs the API process on `argv` with the process's own streams, environment and signals; resolves with the exit code. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<ExitCode> {
  let stopping = false;
  return apiCli.run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: inheritedEnv(),
    onStopSignal: (stop) => {
      const once = (signal: string) => {
        if (stopping) return;
        stopping = true;
        stop(signal);
      };
      process.on('SIGTERM', () => once('SIGTERM'));
      process.on('SIGINT', () => once('SIGINT'));
    },
  });
}

if (require.main === module) void main().then((code) => process.exit(code));
