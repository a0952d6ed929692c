import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { envText, readEnv } from '@nba/config';

/**
 * A PostgreSQL cluster of a test's own, which the test may stop and start again (a restart under a
 * running job) without touching the shared test server.
 */
export interface RestartablePostgres {
  /** URL of `database` on it (default `postgres`), as user `postgres` without a password (trust). */
  url(database?: string): string;
  port: number;
  /** `pg_ctl stop -m <mode>`: `fast` ends every session with 57P01, as an operator's restart does. */
  stop(mode?: 'fast' | 'immediate' | 'smart'): void;
  /** Starts it again on the same port and folder, waiting until it accepts connections. */
  start(): void;
  /** Stops it (if running) and deletes its folder. */
  destroy(): void;
}

/** PostgreSQL's server binaries: `PG_BIN_DIR`, else the newest Debian/Ubuntu install, else `pg_config --bindir`. */
function binDir(): string {
  const { PG_BIN_DIR } = readEnv({ PG_BIN_DIR: envText() });
  if (PG_BIN_DIR) return PG_BIN_DIR;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'no PostgreSQL server binaries found: install PostgreSQL or set PG_BIN_DIR to the folder holding initdb and pg_ctl',
    );
  }
}

/** uid and gid of the `postgres` system user (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error('running as root needs a postgres system user to run the test server as');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Creates and starts a throwaway cluster (initdb, trust authentication, fsync off) in a new
 * temporary folder on a free port. As root, the server runs as the `postgres` user.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nba-pg-'));
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (user) chownSync(dir, user.uid, user.gid);
  const run = (tool: string, args: string[]) =>
    execFileSync(path.join(bin, tool), args, { stdio: 'pipe', timeout: 60_000, ...(user ?? {}) });
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  let running = false;
  const pg: RestartablePostgres = {
    port,
    url: (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: (mode = 'fast') => {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    start: () => {
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
      running = true;
    },
    destroy: () => {
      if (running) pg.stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
