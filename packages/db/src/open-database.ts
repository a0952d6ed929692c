import type { Logger } from '@nba/logging';
import { createDbClient, type DbClient, type DbTimeouts } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { assertMigrated } from './migration-status';
import { seedTeams } from './seed';

export interface OpenDatabaseOptions extends DbTimeouts {
  /** A postgres URL; when absent, the embedded PostgreSQL under `dataDir` is used. */
  databaseUrl?: string;
  /** Local state folder for the embedded server (see `defaultDataDir`). */
  dataDir: string;
  /**
   * Apply pending migrations and seed the teams first (default true). When false, the database
   * must already be migrated: opening fails with `DbError` `NOT_MIGRATED` otherwise.
   */
  migrate?: boolean;
  embeddedPort?: number;
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

/**
 * Connects to `databaseUrl`, or brings up the embedded default; migrates and seeds unless told not
 * to, and otherwise checks that the schema is current. Every wait is bounded by the timeouts (see
 * {@link DbTimeouts}); failures are errors that `databaseProblemOf` explains in one line.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const timeouts: DbTimeouts = { connectTimeoutMs: options.connectTimeoutMs, poolTimeoutMs: options.poolTimeoutMs, statementTimeoutMs: options.statementTimeoutMs };
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.embeddedPort, logger: options.logger });
  const url = options.databaseUrl ?? embedded!.url;
  if (options.migrate ?? true) await migrate(url, { logger: options.logger, connectTimeoutMs: options.connectTimeoutMs });
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
