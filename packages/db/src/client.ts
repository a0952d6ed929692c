import { PrismaPg } from '@prisma/adapter-pg';
import { Client, type ClientConfig } from 'pg';
import { PrismaClient } from './generated/prisma/client';

/** The Prisma client type used across the project. */
export type DbClient = PrismaClient;

/** How long the database may keep a caller waiting; every wait has a limit so a stalled server cannot hang a process. */
export interface DbTimeouts {
  /** Longest wait for a new connection to open (default 5 s). */
  connectTimeoutMs?: number;
  /** Longest wait for a connection from the pool, free or newly opened (default 5 s). */
  poolTimeoutMs?: number;
  /**
   * Longest a statement may run: the server cancels it then, and the client stops waiting for the
   * answer {@link READ_TIMEOUT_MARGIN_MS} later, since a stalled network answers nothing (default 10 s).
   */
  statementTimeoutMs?: number;
}

/** The timeouts used when a caller gives none (the same as the apps' env defaults). */
export const DEFAULT_DB_TIMEOUTS: Readonly<Required<DbTimeouts>> = Object.freeze({
  connectTimeoutMs: 5_000,
  poolTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
});

/**
 * How much longer than the statement timeout the client waits for an answer. The server's own
 * cancellation comes first and leaves the connection usable; the client-side limit is for a server
 * or network that says nothing at all.
 */
const READ_TIMEOUT_MARGIN_MS = 1_000;

/**
 * Longest an interactive transaction (`$transaction(async (tx) => …)`) may stay open, its statements
 * and lock waits together, unless the caller gives another. Prisma's own default, 5 s, is shorter
 * than one statement may take (the statement timeout): a registration of several MB of artifacts on
 * a slow server, or a transaction waiting for another run's lock, expired half-way.
 */
export const TRANSACTION_TIMEOUT_MS = 60_000;

export interface DbClientOptions extends DbTimeouts {
  /** Maximum pool connections (default 10). */
  maxConnections?: number;
  /** Longest an interactive transaction may stay open (default {@link TRANSACTION_TIMEOUT_MS}). */
  transactionTimeoutMs?: number;
}

/** pg settings that apply `timeouts` to one connection (used by the pool and by single clients). */
export function connectionConfig(url: string, timeouts: DbTimeouts = {}): ClientConfig {
  const statementTimeoutMs = timeouts.statementTimeoutMs ?? DEFAULT_DB_TIMEOUTS.statementTimeoutMs;
  return {
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectTimeoutMs ?? DEFAULT_DB_TIMEOUTS.connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + READ_TIMEOUT_MARGIN_MS,
  };
}

/** Creates a Prisma client on `@prisma/adapter-pg` (no engine binaries). Call `disconnect` when done. */
export function createDbClient(url: string, options: DbClientOptions = {}): DbClient {
  const connection = connectionConfig(url, options);
  // pg-pool has one timeout for a checkout (waiting for a free slot, or for a new connection to
  // open); the pool gets the pool timeout and each connection its own connect timeout.
  class TimedClient extends Client {
    constructor() {
      super(connection);
    }
  }
  const poolTimeoutMs = options.poolTimeoutMs ?? DEFAULT_DB_TIMEOUTS.poolTimeoutMs;
  const adapter = new PrismaPg({
    ...connection,
    connectionTimeoutMillis: poolTimeoutMs,
    max: options.maxConnections ?? 10,
    Client: TimedClient,
  });
  return new PrismaClient({
    adapter,
    transactionOptions: {
      // a transaction's connection comes from the pool: the pool's own timeout (and its clear error) ends the wait first
      maxWait: poolTimeoutMs + READ_TIMEOUT_MARGIN_MS,
      timeout: options.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_MS,
    },
  });
}

/** Closes the client's pool; safe to call twice. */
export async function disconnect(client: DbClient): Promise<void> {
  await client.$disconnect();
}
