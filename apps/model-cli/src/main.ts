#!/usr/bin/env node
// `nba-models` (`pnpm models -- <command>`): reads the environment, wires the registry, runs one command.
import { databaseEnv, inheritedEnv, localDataEnv, loggingEnv, parseEnv, readEnv } from '@nba/config';
import { databaseProblemOf, openDatabase } from '@nba/db';
import { createLogger } from '@nba/logging';
import { liveComparison } from '@nba/lifecycle';
import { ModelRegistry } from '@nba/registry';
import { CliError, closeOnStopSignals } from '@nba/cli';
import { exitCodeFor } from './exit-code';
import { run } from './cli';

// `nba-models list | head`: a closed pipe ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<number> {
  let env;
  try {
    // A command line stays quiet unless asked: warn by default, LOG_LEVEL overrides.
    env = parseEnv({ ...loggingEnv, ...databaseEnv }, { LOG_LEVEL: 'warn', ...inheritedEnv() });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
  const logger = createLogger({
    service: 'model-cli',
    level: env.LOG_LEVEL,
    stream: process.stderr,
    secrets: [env.DATABASE_URL],
  });
  return run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: process.stdin.isTTY === true,
    openRegistry: async () => {
      const db = await openDatabase({
        databaseUrl: env.DATABASE_URL,
        // loaded only without DATABASE_URL: an image for a managed database leaves the package out
        startEmbedded: async () => {
          const { defaultDataDir, startEmbeddedPostgres } = await import('@nba/embedded-db');
          return startEmbeddedPostgres({ dataDir: env.NBA_DATA_DIR ?? defaultDataDir(readEnv(localDataEnv)), logger });
        },
        // The embedded default is ours to migrate; a DATABASE_URL server is migrated by `pnpm db:migrate`
        // (and checked here: an old schema fails now, not at the first query).
        migrate: env.DATABASE_URL === undefined,
        maxConnections: 2,
        connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
        poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
        statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
        logger,
      }).catch((error: unknown) => {
        // here the URL is known, so the line can name the server and the database (exit 3 all the same)
        const problem = databaseProblemOf(error, env.DATABASE_URL);
        throw problem ? new CliError('FAILED', problem.message, { cause: error }) : error;
      });
      // a stop signal (Ctrl-C at a prompt, a supervisor): one line, the database closed (an embedded server stopped), exit 1
      let closing: Promise<void> | undefined;
      const close = () => (closing ??= db.close());
      const release = closeOnStopSignals({
        close,
        line: (signal) => `nba-models stopped by ${signal}, the database closed`,
        stderr: process.stderr,
      });
      // live scores come from the record of stored forecasts, which the registry does not read
      return {
        registry: new ModelRegistry(db.client, { logger }),
        liveRecord: (a, b) => liveComparison(db.client, a, b),
        close: () => {
          release();
          return close();
        },
      };
    },
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  },
);
