import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDbClient, migrate, seedTeams, type DbClient } from '@nba/db';
import { envText, readEnv } from '@nba/config';

/**
 * A throwaway database on a real PostgreSQL server. The server is the one in `TEST_DATABASE_URL`
 * (any database on it: CI passes its per-run database) or 127.0.0.1:5432 as `postgres`.
 */
export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** A Prisma client on it, created on first use and closed by `drop()`. */
  readonly client: DbClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** URL of the server tests use, pointing at its maintenance database. */
export function testServerUrl(): string {
  return readEnv({ TEST_DATABASE_URL: envText() }).TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (migrated and seeded with the teams unless `migrate: false`). */
export async function createTestDatabase(options: { migrate?: boolean; prefix?: string } = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'nba_test'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(testServerUrl(), name);
  let client: DbClient | undefined;
  const db: TestDatabase = {
    url,
    name,
    get client() {
      client ??= createDbClient(url, { maxConnections: 5 });
      return client;
    },
    async drop() {
      await client?.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
  if (options.migrate ?? true) {
    await migrate(url);
    await seedTeams(db.client);
  }
  return db;
}
