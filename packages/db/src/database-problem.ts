import { DbError } from './db-error';
import { driverDetail, errorChain, type ErrorNode } from './error-chain';
import {
  AUTH_FAILED,
  BUSY,
  CONFLICT,
  CONNECT_TIMEOUT,
  DISK_FULL,
  LOCAL_DISK_FULL,
  LOOKUP_FAILED,
  LOST,
  NOT_FOUND,
  NOT_MIGRATED,
  POOL_TIMEOUT,
  REFUSED,
  STARTING,
  STATEMENT_TIMEOUT,
  TRANSACTION_TIMEOUT,
  UNKNOWN_DATABASE,
  UNREACHABLE,
  type Describe,
  type Target,
} from './problem-descriptions';

/**
 * What keeps the database from being used. `unavailable` is the server not answering (refused,
 * host not found, timed out, connection lost, no free slots): it may pass by itself. `conflict` is
 * a serialization failure or deadlock: the same work succeeds when run again. The others need an
 * operator: a database that does not exist, credentials it refuses, a missing migration, a full disk.
 */
export type DatabaseProblemKind =
  'unavailable' | 'conflict' | 'unknown_database' | 'auth_failed' | 'not_migrated' | 'disk_full';

/** A recognised database problem: its kind and one line for a person, naming the fix. */
export interface DatabaseProblem {
  kind: DatabaseProblemKind;
  /** What is wrong and what to do, in one line; never credentials, stack traces or install paths. */
  message: string;
  /**
   * It passes by itself within seconds or minutes (a restart, a failover, a conflict, a full pool),
   * so the same work can be tried again after a wait; false when it needs an operator or would only
   * fail again (a statement too slow for its timeout).
   */
  transient: boolean;
  /**
   * What happened, in one short line for a task's recorded error: a label and what the server or
   * socket said, e.g. `database connection lost (57P01 terminating connection due to administrator command)`.
   */
  summary: string;
}

// Node socket errors (connecting, or a connection in use), and a full local disk.
const BY_ERRNO: Record<string, Describe> = {
  ECONNREFUSED: REFUSED,
  ENOTFOUND: NOT_FOUND,
  EAI_AGAIN: LOOKUP_FAILED,
  EHOSTUNREACH: UNREACHABLE,
  ENETUNREACH: UNREACHABLE,
  ETIMEDOUT: CONNECT_TIMEOUT,
  ECONNRESET: LOST,
  EPIPE: LOST,
  ENOSPC: LOCAL_DISK_FULL,
};

// PostgreSQL SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const BY_SQLSTATE: Record<string, Describe> = {
  '3D000': UNKNOWN_DATABASE,
  '28000': AUTH_FAILED,
  '28P01': AUTH_FAILED,
  '42P01': NOT_MIGRATED, // undefined table
  '42703': NOT_MIGRATED, // undefined column
  '57014': STATEMENT_TIMEOUT, // statement_timeout cancelled the query
  '57P01': LOST, // admin shutdown (pg_ctl stop -m fast, a failover)
  '57P02': LOST, // crash shutdown
  '57P03': STARTING, // cannot connect now: the server is starting up or shutting down
  '08000': LOST, // connection exception
  '08003': LOST, // connection does not exist
  '08006': LOST, // connection failure
  '08001': UNREACHABLE, // the client could not establish a connection
  '08004': REFUSED, // the server rejected the connection
  '40001': CONFLICT, // serialization failure
  '40P01': CONFLICT, // deadlock detected
  '53100': DISK_FULL,
  '53300': BUSY,
};

// Prisma's error codes (https://www.prisma.io/docs/orm/reference/error-reference).
const BY_PRISMA_CODE: Record<string, Describe> = {
  P1000: AUTH_FAILED,
  P1001: UNREACHABLE,
  P1002: CONNECT_TIMEOUT,
  P1003: UNKNOWN_DATABASE,
  P1008: STATEMENT_TIMEOUT,
  P1010: AUTH_FAILED,
  P1011: UNREACHABLE,
  P1017: LOST,
  P2021: NOT_MIGRATED,
  P2022: NOT_MIGRATED,
  P2024: POOL_TIMEOUT,
  P2034: CONFLICT, // write conflict or deadlock: retry the transaction
};

// Prisma's P2028 (transaction API error) covers several things, told apart by its message; others (a transaction
// not found after a lost connection, say) are left to the rest of the error chain.
const BY_TRANSACTION_MESSAGE: Array<[RegExp, Describe]> = [
  [/expired transaction/, TRANSACTION_TIMEOUT], // past the transaction's time limit: rolled back
  [/Unable to start a transaction in the given time/, POOL_TIMEOUT], // no connection came free for it
];

// `DriverAdapterError` kinds of @prisma/adapter-pg (the error's `cause.kind`).
const BY_ADAPTER_KIND: Record<string, Describe> = {
  DatabaseNotReachable: UNREACHABLE,
  ConnectionClosed: LOST,
  SocketTimeout: STATEMENT_TIMEOUT,
  TooManyConnections: BUSY,
  TransactionWriteConflict: CONFLICT,
  DatabaseDoesNotExist: UNKNOWN_DATABASE,
  DatabaseAccessDenied: AUTH_FAILED,
  AuthenticationFailed: AUTH_FAILED,
  TableDoesNotExist: NOT_MIGRATED,
  ColumnNotFound: NOT_MIGRATED,
};

// node-postgres raises these as plain errors, known only by their message.
const BY_PG_MESSAGE: Array<[RegExp, Describe]> = [
  [/^timeout exceeded when trying to connect$/, POOL_TIMEOUT], // waited for a pool slot
  [/^Connection terminated due to connection timeout$/, CONNECT_TIMEOUT],
  [/^timeout expired$/, CONNECT_TIMEOUT],
  [/^Query read timeout$/, STATEMENT_TIMEOUT],
  [/^Connection terminated/, LOST],
  [/^Client has encountered a connection error and is not queryable$/, LOST],
];

function describeNode(node: ErrorNode): Describe | 'own' | undefined {
  // a migration refused or failed explains itself; its cause (a failing statement) is no outage
  if (node instanceof DbError && node.code !== 'CONNECTION_FAILED')
    return node.code === 'NOT_MIGRATED' ? NOT_MIGRATED : 'own';
  const { code, kind, message } = node;
  if (typeof code === 'string') {
    if (code === 'P2028' && typeof message === 'string')
      return BY_TRANSACTION_MESSAGE.find(([re]) => re.test(message))?.[1];
    if (/^P\d{4}$/.test(code)) return BY_PRISMA_CODE[code];
    // SQLSTATEs come with a severity; errno codes with a syscall
    if (typeof node.severity === 'string') return BY_SQLSTATE[code];
    if (BY_ERRNO[code]) return BY_ERRNO[code];
  }
  if (typeof kind === 'string') return BY_ADAPTER_KIND[kind];
  if (typeof message === 'string' && node instanceof Error) return BY_PG_MESSAGE.find(([re]) => re.test(message))?.[1];
  return undefined;
}

function targetOf(url: string | undefined, error: unknown): Target {
  if (url) {
    try {
      const u = new URL(url);
      return {
        server: `${u.hostname}:${u.port || '5432'}`,
        database: decodeURIComponent(u.pathname.slice(1)) || undefined,
      };
    } catch {
      // an unparsable URL is reported by the env check; fall back to what the error says
    }
  }
  for (const node of errorChain(error)) {
    const host = node.address ?? node.hostname ?? node.host;
    if (typeof host === 'string') return { server: typeof node.port === 'number' ? `${host}:${node.port}` : host };
  }
  return { server: 'the configured address' };
}

/**
 * Recognises an error as a database problem (from Prisma, the pg driver, the socket, or
 * {@link DbError}), or returns undefined for anything else (a bug, a constraint violation). `url`
 * names the server in the message; its user and password are never shown. This is the one place
 * that decides which database errors are transient (see {@link DatabaseProblem.transient}).
 */
export function databaseProblemOf(error: unknown, url?: string): DatabaseProblem | undefined {
  for (const node of errorChain(error)) {
    const describe = describeNode(node);
    if (describe === 'own') return undefined;
    if (!describe) continue;
    const detail = driverDetail(error) ?? (typeof node.message === 'string' ? node.message.split('\n')[0] : undefined);
    return {
      kind: describe.kind,
      message: describe.message(targetOf(url, error)),
      transient: describe.transient,
      summary: detail ? `${describe.label} (${detail})` : describe.label,
    };
  }
  return undefined;
}

/** True for a database error that passes by itself (a restart, a conflict): the same work can be tried again after a wait. */
export function isTransientDatabaseError(error: unknown): boolean {
  return databaseProblemOf(error)?.transient === true;
}
