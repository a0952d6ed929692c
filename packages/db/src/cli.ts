#!/usr/bin/env node
// `nba-db migrate` (the migrate Job): applies the migrations to DATABASE_URL. `pnpm db:migrate` runs
// it through @nba/embedded-db's bin, which adds the embedded default for when DATABASE_URL is unset.
import { databaseEnv, loggingEnv, parseEnv } from '@nba/config';
import { createLogger, type Logger } from '@nba/logging';
import { databaseProblemOf } from './database-problem';
import { migrate } from './migrate';
import { openDatabase, type EmbeddedServer } from './open-database';

/** Brings up the embedded default under `dataDir` (NBA_DATA_DIR; unset: the default folder). */
export type CliEmbedded = (options: { dataDir: string | undefined; logger: Logger }) => Promise<EmbeddedServer>;

async function main(embedded: CliEmbedded | undefined): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== 'migrate') {
    process.stderr.write('usage: nba-db migrate\n  applies pending migrations to DATABASE_URL (or the embedded default under NBA_DATA_DIR)\n');
    return 2;
  }
  const env = parseEnv({ ...loggingEnv, ...databaseEnv }, process.env);
  const logger = createLogger({ service: 'db', level: env.LOG_LEVEL, secrets: [env.DATABASE_URL] });
  if (env.DATABASE_URL) {
    const result = await migrate(env.DATABASE_URL, { logger, connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS });
    logger.info('migrations up to date', { applied: result.applied, alreadyApplied: result.alreadyApplied.length });
    return 0;
  }
  const db = await openDatabase({ startEmbedded: embedded && (() => embedded({ dataDir: env.NBA_DATA_DIR, logger })), logger });
  logger.info('embedded database migrated', { url: db.url });
  await db.close();
  return 0;
}

/** Runs `nba-db` on the process's arguments and environment, then exits; `embedded` serves an unset DATABASE_URL. */
export function runDbCli(embedded?: CliEmbedded): void {
  main(embedded).then(
    (code) => process.exit(code),
    (error: Error) => {
      // a database that cannot be used exits 3 with its one line, as the apps do
      const problem = databaseProblemOf(error, process.env.DATABASE_URL);
      process.stderr.write(`db migrate failed: ${problem?.message ?? error.message}\n`);
      process.exit(problem ? 3 : 1);
    },
  );
}

if (require.main === module) runDbCli();
