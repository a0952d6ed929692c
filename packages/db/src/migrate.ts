import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '@nba/logging';
import { DbError } from './db-error';

/** Folder of the SQL migrations shipped with this package (Prisma's layout). */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'prisma', 'migrations');

/** Arbitrary constant: the advisory lock every migrating process takes, so they run one at a time. */
const LOCK_ID = 72_707_369;

// The bookkeeping table exactly as `prisma migrate deploy` creates it.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Reads the migrations in name order; the checksum is the sha256 of the file, as Prisma computes it. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new DbError('MIGRATIONS_MISSING', `migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations to the database at `url`, each in its own transaction, recording them
 * in `_prisma_migrations` as `prisma migrate deploy` would. Idempotent; safe to run from several
 * processes at once (advisory lock). Refuses to run when an applied migration's file has changed
 * or a recorded migration failed.
 */
export async function migrate(
  url: string,
  options: { logger?: Logger; dir?: string; connectTimeoutMs?: number } = {},
): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  // A connect timeout only: the migrator waits for the advisory lock as long as another migrator
  // holds it, so its statements are not limited.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs });
  try {
    await client.connect();
  } catch (cause) {
    throw new DbError('CONNECTION_FAILED', `cannot connect to the database to migrate: ${(cause as Error).message}`, {
      cause,
    });
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r]));
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const prior = recorded.get(m.name);
      if (prior) {
        if (!prior.finished_at) {
          throw new DbError(
            'MIGRATION_FAILED',
            `migration ${m.name} was started but never finished; fix the database by hand, then mark it rolled back`,
          );
        }
        if (prior.checksum !== m.checksum) {
          throw new DbError(
            'MIGRATION_CHANGED',
            `migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead of editing an applied one`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      await applyOne(client, m);
      options.logger?.info('migration applied', { migration: m.name });
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: Client, m: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, m.checksum, m.name],
    );
    await client.query(m.sql);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [
      id,
    ]);
    await client.query('COMMIT');
  } catch (cause) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new DbError('MIGRATION_FAILED', `migration ${m.name} failed: ${(cause as Error).message}`, { cause });
  }
}
