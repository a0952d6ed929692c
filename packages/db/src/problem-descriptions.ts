import type { DatabaseProblemKind } from './database-problem';

// The database problems the classifier knows, each with its kind, whether it passes by itself,
// the label of its one-line summary and the operator's line naming the fix.

/** Where the database is, as a person reads it: `host:port` and the database name (never the user or password). */
export interface Target {
  server: string;
  database?: string;
}

export /** How one recognised problem is described. */
interface Describe {
  kind: DatabaseProblemKind;
  transient: boolean;
  /** The summary's first words. */
  label: string;
  message: (target: Target) => string;
}

const unavailable = (label: string, transient: boolean, message: (t: Target) => string): Describe => ({
  kind: 'unavailable',
  transient,
  label,
  message,
});

export const REFUSED = unavailable(
  'database connection refused',
  true,
  (t) =>
    `the database server at ${t.server} refused the connection (DATABASE_URL): start PostgreSQL there or fix the host and port`,
);
export const NOT_FOUND = unavailable(
  'database host not found',
  false,
  (t) => `the database host ${t.server} was not found (DATABASE_URL): fix the host name`,
);
// EAI_AGAIN: the name server did not answer (yet); a typo is ENOTFOUND
export const LOOKUP_FAILED = unavailable(
  'database host lookup failed',
  true,
  (t) => `the database host ${t.server} could not be looked up: check the name servers`,
);
export const UNREACHABLE = unavailable(
  'database unreachable',
  true,
  (t) =>
    `cannot reach the database server at ${t.server} (DATABASE_URL): check that it runs and that this host can reach it`,
);
export const STARTING = unavailable(
  'database not accepting connections',
  true,
  (t) => `the database server at ${t.server} is starting up or shutting down: wait for it, or check that it runs`,
);
export const CONNECT_TIMEOUT = unavailable(
  'database connection timed out',
  true,
  (t) =>
    `the database server at ${t.server} did not accept a connection within DB_CONNECT_TIMEOUT_MS: check that it runs and that this host can reach it`,
);
export const POOL_TIMEOUT = unavailable(
  'no database connection came free',
  true,
  (t) =>
    `no connection to the database server at ${t.server} came free within DB_POOL_TIMEOUT_MS: the server is stalled or overloaded`,
);
// the same statement would most likely time out again: retried only as a task's own retries
export const STATEMENT_TIMEOUT = unavailable(
  'database statement timed out',
  false,
  (t) =>
    `the database server at ${t.server} did not answer a statement within DB_STATEMENT_TIMEOUT_MS: the server is stalled or overloaded`,
);
// a transaction past its time limit (createDbClient's, 60 s) would most likely run as long again, like a slow statement
export const TRANSACTION_TIMEOUT = unavailable(
  'database transaction timed out',
  false,
  (t) =>
    `a transaction on the database server at ${t.server} did not finish within its time limit: the server is stalled or overloaded, or another process held a lock it needed`,
);
export const LOST = unavailable(
  'database connection lost',
  true,
  (t) => `the database server at ${t.server} closed the connection: check that it runs; the next request reconnects`,
);
export const BUSY = unavailable(
  'database has no free connection slots',
  true,
  (t) =>
    `the database server at ${t.server} has no free connection slots: lower the pools' sizes or raise its max_connections`,
);
export const CONFLICT: Describe = {
  kind: 'conflict',
  transient: true,
  label: 'database transaction conflict',
  message: (t) =>
    `a transaction on the database server at ${t.server} conflicted with another (serialization failure or deadlock): run it again`,
};
export const DISK_FULL: Describe = {
  kind: 'disk_full',
  transient: false,
  label: 'database disk full',
  message: (t) =>
    `the database server at ${t.server} is out of disk space: free space on its volume (or grow it), then run again`,
};
export const LOCAL_DISK_FULL: Describe = {
  kind: 'disk_full',
  transient: false,
  label: 'disk full',
  message: () =>
    'no space left on the disk (ENOSPC): free space (the data folder, logs, temporary files), then run again',
};
export const UNKNOWN_DATABASE: Describe = {
  kind: 'unknown_database',
  transient: false,
  label: 'database does not exist',
  message: (t) =>
    `the database ${t.database ? `'${t.database}' ` : ''}does not exist on ${t.server} (DATABASE_URL): create it, or fix the name in DATABASE_URL`,
};
export const AUTH_FAILED: Describe = {
  kind: 'auth_failed',
  transient: false,
  label: 'database credentials refused',
  message: (t) =>
    `the database server at ${t.server} refused the credentials (DATABASE_URL): fix the user and password, or the server's access rules`,
};
export const NOT_MIGRATED: Describe = {
  kind: 'not_migrated',
  transient: false,
  label: 'database not migrated',
  message: (t) =>
    `the database ${t.database ? `'${t.database}' ` : ''}on ${t.server} is not migrated: run \`pnpm db:migrate\` (or the migrate Job) with the same ` +
    `DATABASE_URL`,
};
