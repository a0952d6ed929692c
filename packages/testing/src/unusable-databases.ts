import net from 'node:net';
import { startTcpProxy } from './tcp-proxy';
import { createTestDatabase, testServerUrl } from './test-database';

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
