#!/usr/bin/env node
// `nba-db migrate` (the migrate Job): applies the migrations to DATABASE_URL. `pnpm db:migrate` runs
// it through @nba/embedded-db's bin, which adds the embedded default for when DATABASE_URL is unset.
import { defineCommandLine, type AddCommand, type CliIo } from '@nba/cli';
import { databaseEnv, inheritedEnv, loggingEnv, parseEnv } from '@nba/config';
import { createLogger, type Logger } from '@nba/logging';
import { databaseProblemOf } from './database-problem';
import { migrate } from './migrate';
import { openDatabase, type EmbeddedServer } from './open-database';

/** Brings up the embedded default under `dataDir` (NBA_DATA_DIR; unset: the default folder). */
export type CliEmbedded = (options: { dataDir: string | undefined; logger: Logger }) => Promise<EmbeddedServer>;

/** What `nba-db` gets from outside (`@nba/cli`'s convention): streams, the environment, and the embedded default if installed. */
export interface DbCliDeps extends CliIo {
  env: NodeJS.ProcessEnv;
  /** Serves an unset DATABASE_URL; without it (the migrate Job's image) DATABASE_URL is required. */
  embedded?: CliEmbedded;
}

async function migrateCommand(deps: DbCliDeps): Promise<void> {
  const env = parseEnv({ ...loggingEnv, ...databaseEnv }, deps.env);
  const logger = createLogger({ service: 'db', level: env.LOG_LEVEL, secrets: [env.DATABASE_URL] });
  if (env.DATABASE_URL) {
    const result = await migrate(env.DATABASE_URL, { logger, connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS });
    logger.info('migrations up to date', { applied: result.applied, alreadyApplied: result.alreadyApplied.length });
    return;
  }
  const embedded = deps.embedded;
  const db = await openDatabase({
    startEmbedded: embedded && (() => embedded({ dataDir: env.NBA_DATA_DIR, logger })),
    logger,
  });
  logger.info('embedded database migrated', { url: db.url });
  await db.close();
}

const addMigrate: AddCommand<DbCliDeps> = (program, deps) => {
  program
    .command('migrate')
    .description('applies pending migrations to DATABASE_URL (or the embedded default under NBA_DATA_DIR)')
    .action(() => migrateCommand(deps));
};

/** `nba-db`, by `@nba/cli`'s convention: a database that cannot be used exits 3 with its one line, as the apps do. */
export const dbCli = defineCommandLine<DbCliDeps>({
  name: 'nba-db',
  description: 'the database schema: applies the SQL migrations',
  commands: [addMigrate],
  failureLabel: 'db migrate failed',
  unavailable: (error, deps) => databaseProblemOf(error, deps.env.DATABASE_URL),
});

/** Runs `nba-db` on the process's arguments and environment, then exits; `embedded` serves an unset DATABASE_URL. */
export function runDbCli(embedded?: CliEmbedded): void {
  void dbCli
    .run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: inheritedEnv(), embedded })
    .then((code) => process.exit(code));
}

if (require.main === module) runDbCli();
