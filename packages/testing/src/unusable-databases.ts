import { spawn } from 'node:child_process';
import net from 'node:net';
import { startTcpProxy } from './tcp-proxy';
import { createTestDatabase, testServerUrl } from './test-database';
import { inheritedEnv } from '@nba/config';

/** URLs of databases an app cannot use, each with `password` in it (to check it is never printed). */
export interface UnusableDatabases {
  /** Nothing listens on the port. */
  refused: string;
  /** The server runs; the database does not exist. */
  unknown: string;
  /** The database exists and has no tables. */
  notMigrated: string;
  /** Connections are accepted and nothing ever answers. */
  stalled: string;
  /** Drops the empty database and stops the stalled proxy. */
  close(): Promise<void>;
}

/** The one line (and nothing else) every app prints on stderr, with exit 3, for each unusable database. */
export const UNUSABLE_DATABASE_LINES: Readonly<Record<Exclude<keyof UnusableDatabases, 'close'>, RegExp>> =
  Object.freeze({
    refused:
      /^error: the database server at 127\.0\.0\.1:\d+ refused the connection \(DATABASE_URL\): start PostgreSQL there or fix the host and port\n$/,
    unknown:
      /^error: the database 'nba_no_such_database' does not exist on .+: create it, or fix the name in DATABASE_URL\n$/,
    notMigrated: /^error: the database '.+' on .+ is not migrated: run `pnpm db:migrate`.*\n$/,
    stalled: /^error: the database server at .+ did not accept a connection within DB_CONNECT_TIMEOUT_MS: .+\n$/,
  });

/** Runs a built Node entry point to its exit with `env` added to this process's; stdout is discarded. */
export function runToExit(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [file, ...args], {
    env: inheritedEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Sets up the four ways a database can be unusable at start-up, on the test server. */
export async function unusableDatabases(password: string): Promise<UnusableDatabases> {
  const withPassword = (url: string, database?: string) => {
    const u = new URL(url);
    u.password = password;
    if (database) u.pathname = `/${database}`;
    return u.toString();
  };
  const server = new URL(testServerUrl());
  const empty = await createTestDatabase({ prefix: 'nba_unmigrated', migrate: false });
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  proxy.stall();
  return {
    refused: `postgresql://postgres:${password}@127.0.0.1:${await freePort()}/nba`,
    unknown: withPassword(testServerUrl(), 'nba_no_such_database'),
    notMigrated: withPassword(empty.url),
    stalled: withPassword(proxy.urlFor(testServerUrl())),
    async close() {
      await proxy.close();
      await empty.drop();
    },
  };
}
