import { Client } from 'pg';
import { connectionConfig, type DbTimeouts } from './client';
import { DbError } from './db-error';
import { readMigrations } from './migrate';

/**
 * Checks that every migration shipped with this package is applied to the database at `url`, so a
 * process that does not migrate (the API and the CLI on a managed database) refuses to start on an
 * old schema instead of failing at its first query. Throws `DbError` `NOT_MIGRATED` naming what is
 * pending, or `CONNECTION_FAILED` (with the driver's error as cause) when the server cannot be used.
 * Migrations the database has beyond these (a newer release migrated it) are fine.
 */
export async function assertMigrated(
  url: string,
  options: { timeouts?: DbTimeouts; dir?: string } = {},
): Promise<void> {
  const expected = readMigrations(options.dir).map((m) => m.name);
  const client = new Client(connectionConfig(url, options.timeouts));
  try {
    await client.connect();
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
    );
    const applied = new Set<string>();
    if (rows[0]?.present) {
      const done = await client.query<{ migration_name: string }>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      for (const r of done.rows) applied.add(r.migration_name);
    }
    const pending = expected.filter((name) => !applied.has(name));
    if (pending.length > 0) {
      throw new DbError(
        'NOT_MIGRATED',
        `the database is not migrated: ${pending.length} of ${expected.length} migrations pending (first: ${pending[0]}); run \`pnpm db:migrate\``,
      );
    }
  } catch (cause) {
    if (cause instanceof DbError) throw cause;
    throw new DbError('CONNECTION_FAILED', `cannot use the database: ${(cause as Error).message}`, { cause });
  } finally {
    await client.end().catch(() => undefined);
  }
}
