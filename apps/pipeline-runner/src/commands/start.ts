import type { Command } from 'commander';
import { defaultDataDir, openDatabase } from '@nba/db';
import { createAppLogger, readEnv } from '../env';

/** `start`: the README's main job. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('main job: bring up the database (embedded by default), migrate it, and show what is there')
    .action(async () => {
      const env = readEnv();
      const logger = createAppLogger(env);
      const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.NBA_DATA_DIR ?? defaultDataDir(process.env), logger });
      try {
        const [teams, games, models] = await Promise.all([db.client.team.count(), db.client.game.count(), db.client.modelVersion.count()]);
        process.stdout.write(`database ready (${db.embedded ? 'embedded' : 'DATABASE_URL'}): ${teams} teams, ${games} games, ${models} model versions\n`);
      } finally {
        await db.close();
      }
    });
}
