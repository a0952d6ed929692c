import { DbError } from './db-error';

/**
 * What keeps the database from being used. `unavailable` is the server not answering (refused,
 * host not found, timed out, connection lost, no free slots): it may pass by itself. The others
 * need an operator: a database that does not exist, credentials it refuses, a missing migration.
 */
export type DatabaseProblemKind = 'unavailable' | 'unknown_database' | 'auth_failed' | 'not_migrated';

/** A recognised database problem: its kind and one line for a person, naming the fix. */
export interface DatabaseProblem {
  kind: DatabaseProblemKind;
  /** What is wrong and what to do, in one line; never credentials, stack traces or install paths. */
  message: string;
}

/** Where the database is, as a person reads it: `host:port` and the database name (never the user or password). */
interface Target {
  server: string;
  database?: string;
}

type Describe = (target: Target) => DatabaseProblem;

const unavailable =
  (message: (t: Target) => string): Describe =>
  (t) => ({ kind: 'unavailable', message: message(t) });

const REFUSED = unavailable((t) => `the database server at ${t.server} refused the connection (DATABASE_URL): start PostgreSQL there or fix the host and port`);
const NOT_FOUND = unavailable((t) => `the database host ${t.server} was not found (DATABASE_URL): fix the host name`);
const UNREACHABLE = unavailable((t) => `cannot reach the database server at ${t.server} (DATABASE_URL): check that it runs and that this host can reach it`);
const CONNECT_TIMEOUT = unavailable(
  (t) => `the database server at ${t.server} did not accept a connection within DB_CONNECT_TIMEOUT_MS: check that it runs and that this host can reach it`,
);
const POOL_TIMEOUT = unavailable(
  (t) => `no connection to the database server at ${t.server} came free within DB_POOL_TIMEOUT_MS: the server is stalled or overloaded`,
);
const STATEMENT_TIMEOUT = unavailable(
  (t) => `the database server at ${t.server} did not answer a statement within DB_STATEMENT_TIMEOUT_MS: the server is stalled or overloaded`,
);
const LOST = unavailable((t) => `the database server at ${t.server} closed the connection: check that it runs; the next request reconnects`);
const BUSY = unavailable((t) => `the database server at ${t.server} has no free connection slots: lower the pools' sizes or raise its max_connections`);
const UNKNOWN_DATABASE: Describe = (t) => ({
  kind: 'unknown_database',
  message: `the database ${t.database ? `'${t.database}' ` : ''}does not exist on ${t.server} (DATABASE_URL): create it, or fix the name in DATABASE_URL`,
});
const AUTH_FAILED: Describe = (t) => ({
  kind: 'auth_failed',
  message: `the database server at ${t.server} refused the credentials (DATABASE_URL): fix the user and password, or the server's access rules`,
});
const NOT_MIGRATED: Describe = (t) => ({
  kind: 'not_migrated',
  message:
    `the database ${t.database ? `'${t.database}' ` : ''}on ${t.server} is not migrated: run \`pnpm db:migrate\` (or the migrate Job) with the same ` +
    `DATABASE_URL`,
});

// Node socket errors (connecting, or a connection in use).
const BY_ERRNO: Record<string, Describe> = {
  ECONNREFUSED: REFUSED,
  ENOTFOUND: NOT_FOUND,
  EAI_AGAIN: NOT_FOUND,
  EHOSTUNREACH: UNREACHABLE,
  ENETUNREACH: UNREACHABLE,
  ETIMEDOUT: CONNECT_TIMEOUT,
  ECONNRESET: LOST,
  EPIPE: LOST,
};

// PostgreSQL SQLSTATE codes.
const BY_SQLSTATE: Record<string, Describe> = {
  '3D000': UNKNOWN_DATABASE,
  '28000': AUTH_FAILED,
  '28P01': AUTH_FAILED,
  '42P01': NOT_MIGRATED, // undefined table
  '42703': NOT_MIGRATED, // undefined column
  '57014': STATEMENT_TIMEOUT, // statement_timeout cancelled the query
  '57P01': LOST, // admin shutdown
  '57P02': LOST, // crash shutdown
  '57P03': UNREACHABLE, // the server is starting up or shutting down
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
};

// `DriverAdapterError` kinds of @prisma/adapter-pg (the error's `cause.kind`).
const BY_ADAPTER_KIND: Record<string, Describe> = {
  DatabaseNotReachable: UNREACHABLE,
  ConnectionClosed: LOST,
  SocketTimeout: STATEMENT_TIMEOUT,
  TooManyConnections: BUSY,
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
];

type Node = Record<string, unknown>;

function describeNode(node: Node): Describe | 'own' | undefined {
  // a migration refused or failed explains itself; its cause (a failing statement) is no outage
  if (node instanceof DbError && node.code !== 'CONNECTION_FAILED') return node.code === 'NOT_MIGRATED' ? NOT_MIGRATED : 'own';
  const { code, kind, message } = node;
  if (typeof code === 'string') {
    if (/^P\d{4}$/.test(code)) return BY_PRISMA_CODE[code];
    // SQLSTATEs come with a severity; errno codes with a syscall
    if (typeof node.severity === 'string') return BY_SQLSTATE[code];
    if (BY_ERRNO[code]) return BY_ERRNO[code];
  }
  if (typeof kind === 'string') return BY_ADAPTER_KIND[kind];
  if (typeof message === 'string' && node instanceof Error) return BY_PG_MESSAGE.find(([re]) => re.test(message))?.[1];
  return undefined;
}

/** The error, then what it wraps: causes, Prisma's driver adapter error, an AggregateError's errors. */
function* chain(error: unknown): Generator<Node> {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const node = e as Node;
    yield node;
    const meta = node.meta as Node | undefined;
    queue.push(node.cause, meta?.driverAdapterError, ...(Array.isArray(node.errors) ? node.errors : []));
  }
}

function targetOf(url: string | undefined, error: unknown): Target {
  if (url) {
    try {
      const u = new URL(url);
      return { server: `${u.hostname}:${u.port || '5432'}`, database: decodeURIComponent(u.pathname.slice(1)) || undefined };
    } catch {
      // an unparsable URL is reported by the env check; fall back to what the error says
    }
  }
  for (const node of chain(error)) {
    const host = node.address ?? node.hostname ?? node.host;
    if (typeof host === 'string') return { server: typeof node.port === 'number' ? `${host}:${node.port}` : host };
  }
  return { server: 'the configured address' };
}

/**
 * Recognises an error as a database problem (from Prisma, the pg driver, the socket, or
 * {@link DbError}), or returns undefined for anything else (a bug, a constraint violation). `url`
 * names the server in the message; its user and password are never shown.
 */
export function databaseProblemOf(error: unknown, url?: string): DatabaseProblem | undefined {
  for (const node of chain(error)) {
    const describe = describeNode(node);
    if (describe === 'own') return undefined;
    if (describe) return describe(targetOf(url, error));
  }
  return undefined;
}
