import { Client } from 'pg';
import type { Logger } from '@nba/logging';
import { sleep } from './backoff';
import { failureLine, isTransientDatabaseFailure } from './database-retry';
import { toError } from './orchestrator-error';
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

export interface AdvisoryLeaseOptions {
  logger?: Logger;
  /** Longest wait for the lease connection to open. */
  connectTimeoutMs?: number;
  /**
   * How long a dropped lease connection (a database restart) is retried before the lease counts as
   * lost. Default 120 s.
   */
  reconnectWithinMs?: number;
}

/** Wait before reconnection attempt `n` (from 0): 250 ms doubling up to 2 s, short so that the locks are back soon after the server. */
const reconnectDelayMs = (n: number): number => Math.min(250 * 2 ** n, 2000);

/** A connection holding every key, or null when another session holds one (then nothing is held). */
async function lockAll(
  databaseUrl: string,
  keys: readonly string[],
  options: AdvisoryLeaseOptions,
): Promise<Client | null> {
  const client = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    keepAlive: true,
    application_name: 'nba-run-lease',
  });
  // errors before `watch` takes over (a refused connection) reach the caller through connect/query
  client.on('error', () => undefined);
  try {
    await client.connect();
    for (const key of keys) {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS got', [
        LEASE_LOCK_NAMESPACE,
        key,
      ]);
      if (!rows[0]?.got) {
        await client.end();
        return null;
      }
    }
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Takes session advisory locks on `keys` over a connection of its own, all or none. They are held
 * until `release()` or until the process dies: PostgreSQL drops a dead client's locks with its
 * connection, which is what makes a killed run visibly dead. Resolves null when another session
 * holds one of the keys.
 *
 * When the connection drops while the process lives (a database restart), the locks went with it:
 * the lease reconnects and takes every key again. If another session took one meanwhile, or the
 * database stays away longer than `reconnectWithinMs`, the lease is lost: `lost` aborts and the run
 * must stop, since another process may be running it.
 */
export async function acquireAdvisoryLease(
  databaseUrl: string,
  keys: readonly string[],
  options: AdvisoryLeaseOptions = {},
): Promise<RunLease | null> {
  const first = await lockAll(databaseUrl, keys, options);
  if (!first) return null;
  const log = options.logger;
  const lost = new AbortController();
  let client = first;
  let released = false;

  const loseLease = (why: string): void => {
    log?.error('run lease lost; the run stops', { keys, reason: why });
    lost.abort(new Error(`run lease lost: ${why}`));
  };

  const reacquire = async (): Promise<void> => {
    const deadline = Date.now() + (options.reconnectWithinMs ?? 120_000);
    for (let n = 0; !released; n++) {
      try {
        const next = await lockAll(databaseUrl, keys, options);
        if (released) {
          await next?.end().catch(() => undefined);
          return;
        }
        if (!next) return loseLease(`another process took ${keys.join(', ')} while the connection was down`);
        client = next;
        watch(next);
        log?.info('run lease taken again after its connection was lost', { keys, attempts: n + 1 });
        return;
      } catch (thrown) {
        const error = toError(thrown);
        if (!isTransientDatabaseFailure(error) || Date.now() >= deadline)
          return loseLease(`cannot take it again: ${failureLine(error)}`);
      }
      await sleep(reconnectDelayMs(n));
    }
  };

  /** On a dropped connection (its error, then its end): reconnect once. */
  function watch(c: Client): void {
    let dropped = false;
    const onDrop = (error?: Error): void => {
      if (dropped || released) return;
      dropped = true;
      void c.end().catch(() => undefined);
      log?.warn('run lease connection lost; taking the lease again', {
        keys,
        error: error ? failureLine(error) : 'connection ended',
      });
      void reacquire();
    };
    c.on('error', onDrop);
    c.on('end', () => onDrop());
  }
  watch(first);

  return {
    lost: lost.signal,
    release: async () => {
      if (released) return;
      released = true;
      await client.end().catch(() => undefined); // closing the session releases every lock it holds
    },
  };
}
