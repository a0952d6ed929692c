#!/usr/bin/env node
// `pnpm db:migrate`: applies the migrations to DATABASE_URL, or to the embedded default.
import { databaseEnv, loggingEnv, parseEnv } from '@nba/config';
import { createLogger } from '@nba/logging';
import { databaseProblemOf } from './database-problem';
import { defaultDataDir } from './embedded';
import { migrate } from './migrate';
import { openDatabase } from './open-database';

async function main(): Promise<number> {
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
  const db = await openDatabase({ dataDir: env.NBA_DATA_DIR ?? defaultDataDir(process.env), logger });
  logger.info('embedded database migrated', { url: db.url });
  await db.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // a database that cannot be used exits 3 with its one line, as the apps do
    const problem = databaseProblemOf(error, process.env.DATABASE_URL);
    process.stderr.write(`db migrate failed: ${problem?.message ?? error.message}\n`);
    process.exit(problem ? 3 : 1);
  },
);
