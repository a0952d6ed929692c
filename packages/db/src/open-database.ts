import { required } from '@nba/errors';
import type { Logger } from '@nba/logging';
import { createDbClient, type DbClient, type DbTimeouts } from './client';
import { DbError } from './db-error';
import { migrate } from './migrate';
import { assertMigrated } from './migration-status';
import { seedTeams } from './seed';

/** A PostgreSQL server brought up for this process: the embedded default. */
export interface EmbeddedServer {
  url: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

/** Brings up the embedded default; see {@link OpenDatabaseOptions.startEmbedded}. */
export type StartEmbedded = () => Promise<EmbeddedServer>;

export interface OpenDatabaseOptions extends DbTimeouts {
  /** A postgres URL; when absent, `startEmbedded` brings up the embedded default. */
  databaseUrl?: string;
  /**
   * Starts the embedded PostgreSQL (`@nba/embedded-db`) when there is no `databaseUrl`. Apps import
   * that package here, only then, so an installation for a DATABASE_URL deployment can leave it
   * out; `@nba/db` never imports it.
   */
  startEmbedded?: StartEmbedded;
  /**
   * Apply pending migrations and seed the teams first (default true). When false, the database
   * must already be migrated: opening fails with `DbError` `NOT_MIGRATED` otherwise.
   */
  migrate?: boolean;
  maxConnections?: number;
  logger?: Logger;
}

export interface Database {
  url: string;
  client: DbClient;
  embedded: boolean;
  /** Disconnects, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

const NO_EMBEDDED =
  'DATABASE_URL is not set and the embedded PostgreSQL (@nba/embedded-db) is not installed here: set DATABASE_URL to a PostgreSQL server';

/** The embedded default, or a DbError `EMBEDDED_FAILED` in one line when this installation has none. */
async function startEmbeddedServer(start: StartEmbedded | undefined): Promise<EmbeddedServer> {
  if (!start) throw new DbError('EMBEDDED_FAILED', NO_EMBEDDED);
  try {
    return await start();
  } catch (cause) {
    // `import()` says "Cannot find package", `require` "Cannot find module"; a missing dependency
    // of the package itself names that dependency instead, and is not this case.
    if (/^Cannot find (package|module) '@nba\/embedded-db'/.test((cause as Error)?.message ?? ''))
      throw new DbError('EMBEDDED_FAILED', NO_EMBEDDED, { cause });
    throw cause;
  }
}

/**
 * Connects to `databaseUrl`, or brings up the embedded default; migrates and seeds unless told not
 * to, and otherwise checks that the schema is current. Every wait is bounded by the timeouts (see
 * {@link DbTimeouts}); failures are errors that `databaseProblemOf` explains in one line.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const timeouts: DbTimeouts = {
    connectTimeoutMs: options.connectTimeoutMs,
    poolTimeoutMs: options.poolTimeoutMs,
    statementTimeoutMs: options.statementTimeoutMs,
  };
  const embedded = options.databaseUrl ? undefined : await startEmbeddedServer(options.startEmbedded);
  const url = required(options.databaseUrl ?? embedded?.url, 'the embedded server'); // startEmbeddedServer returns one or throws
  if (options.migrate ?? true)
    await migrate(url, { logger: options.logger, connectTimeoutMs: options.connectTimeoutMs });
  else await assertMigrated(url, { timeouts });
  const client = createDbClient(url, { ...timeouts, maxConnections: options.maxConnections });
  if (options.migrate ?? true) await seedTeams(client);
  return {
    url,
    client,
    embedded: embedded !== undefined,
    close: async () => {
      await client.$disconnect();
      await embedded?.stop();
    },
  };
}
