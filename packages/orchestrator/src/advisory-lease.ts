import { Client } from 'pg';
import type { Logger } from '@nba/logging';
import type { RunLease } from './run-store';

/**
 * First key of the two-key advisory locks that hold run leases: keeps them apart from other users
 * of advisory locks in the database (the registry's name locks, the migrator). The second key is
 * `hashtext(key)`.
 */
export const LEASE_LOCK_NAMESPACE = 0x6e6270; // "nbp"

/** SQL (for `pg_locks`) telling whether some session holds the lease `$1`. */
export const LEASE_HELD_SQL = `SELECT EXISTS (
  SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
    AND classid = ${LEASE_LOCK_NAMESPACE}::int4::oid AND objid = hashtext($1)::oid AND objsubid = 2) AS held`;

/**
 * Takes session advisory locks on `keys` over a connection of its own, all or none. They are held
 * until `release()` or until the process dies: PostgreSQL drops a dead client's locks with its
 * connection, which is what makes a killed run visibly dead. Resolves null when another session
 * holds one of the keys.
 */
export async function acquireAdvisoryLease(
  databaseUrl: string,
  keys: readonly string[],
  options: { logger?: Logger; connectTimeoutMs?: number } = {},
): Promise<RunLease | null> {
  const client = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    keepAlive: true,
    application_name: 'nba-run-lease',
  });
  let released = false;
  client.on('error', (error) => {
    if (!released) options.logger?.error('run lease connection lost: another process may now take the lease', { keys, error: error.message });
  });
  await client.connect();
  try {
    for (const key of keys) {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS got', [LEASE_LOCK_NAMESPACE, key]);
      if (!rows[0]?.got) {
        released = true;
        await client.end();
        return null;
      }
    }
  } catch (error) {
    released = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    release: async () => {
      if (released) return;
      released = true;
      await client.end().catch(() => undefined); // closing the session releases every lock it holds
    },
  };
}
