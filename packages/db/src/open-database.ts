import type { Logger } from '@nba/logging';
import { createDbClient, type DbClient } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { seedTeams } from './seed';

export interface OpenDatabaseOptions {
  /** A postgres URL; when absent, the embedded PostgreSQL under `dataDir` is used. */
  databaseUrl?: string;
  /** Local state folder for the embedded server (see `defaultDataDir`). */
  dataDir: string;
  /** Apply pending migrations and seed the teams first (default true). */
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

/** Connects to `databaseUrl`, or brings up the embedded default; migrates and seeds unless told not to. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.embeddedPort, logger: options.logger });
  const url = options.databaseUrl ?? embedded!.url;
  if (options.migrate ?? true) await migrate(url, { logger: options.logger });
  const client = createDbClient(url, { maxConnections: options.maxConnections });
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
