import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DbError } from '@nba/db';

/** Who runs the embedded server of a data folder, as its owner tells every process that asks. */
export interface OwnerInfo {
  pid: number;
  port: number;
  /** When it became the owner (ISO 8601). */
  since: string;
  /** What it is, e.g. `pipeline-runner start`. */
  command: string;
  /** `starting` (port 0 until chosen) and `stopping` (waiting for its users, then stopping): come back after. */
  state: 'starting' | 'running' | 'stopping';
}

/** A process using (not owning) the server: it says so when it connects. */
export interface UserInfo {
  pid: number;
  command: string;
  /** Only asking who the owner is: not counted as a user. */
  peek?: boolean;
}

/**
 * The lock of a data folder: a Linux abstract Unix socket named after the folder's real path. The
 * kernel frees it when its process dies, however it dies (SIGKILL included), so there is no stale
 * lock to take over; and every process using the server holds a connection to it, so the owner
 * knows who still uses the server (a connection closes when its process dies, too).
 */
export function lockName(stateDir: string): string {
  const real = existsSync(stateDir) ? realpathSync(stateDir) : path.resolve(stateDir);
  return `nba-embedded-db-${createHash('sha256').update(real).digest('hex').slice(0, 32)}`;
}

/** Reads one JSON line from `socket`. */
function readLine<T>(socket: net.Socket, onLine: (value: T) => void): void {
  let buffer = '';
  const onData = (d: Buffer) => {
    buffer += d.toString('utf8');
    const end = buffer.indexOf('\n');
    if (end < 0) return;
    socket.off('data', onData);
    try {
      onLine(JSON.parse(buffer.slice(0, end)) as T);
    } catch {
      socket.destroy(); // not one of ours
    }
  };
  socket.on('data', onData);
}

/** The owner side: answers every connection with its info and counts the users. */
export class FolderOwner {
  private readonly users = new Map<net.Socket, UserInfo | undefined>();

  private constructor(
    private readonly server: net.Server,
    readonly info: OwnerInfo,
  ) {
    server.on('connection', (socket) => {
      socket.unref();
      socket.on('error', () => undefined);
      this.users.set(socket, undefined); // counted from the start: the hello may lag
      socket.once('close', () => this.users.delete(socket));
      readLine<UserInfo>(socket, (user) => {
        if (user.peek) this.users.delete(socket);
        else this.users.set(socket, user);
      });
      socket.write(`${JSON.stringify(this.info)}\n`);
    });
  }

  /** Listens on `name`; undefined when another process already does (it is the owner). */
  static async listen(name: string, info: Omit<OwnerInfo, 'state'>): Promise<FolderOwner | undefined> {
    const server = net.createServer();
    const listening = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(false) : reject(e)));
      server.listen({ path: `\0${name}` }, () => resolve(true));
    });
    if (!listening) return undefined;
    server.unref(); // the lock must not keep a finished process alive
    return new FolderOwner(server, { ...info, state: 'starting' });
  }

  /** The processes using the server now (a user whose hello has not arrived yet shows as pid 0). */
  liveUsers(): UserInfo[] {
    return [...this.users.values()].map((u) => u ?? { pid: 0, command: 'connecting' });
  }

  /** From now on, newcomers are told to come back later (they wait) instead of using the server. */
  setStopping(): void {
    this.info.state = 'stopping';
  }

  /** The server is up: newcomers use it. */
  setRunning(): void {
    this.info.state = 'running';
  }

  setPort(port: number): void {
    this.info.port = port;
  }

  /** Resolves once no process uses the server; `onWait` is told who is being waited for, once. */
  async waitForNoUsers(onWait: (users: UserInfo[]) => void, pollMs = 250): Promise<void> {
    let told = false;
    while (this.users.size > 0) {
      if (!told) onWait(this.liveUsers());
      told = true;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Gives the folder up (the next process becomes the owner). */
  release(): void {
    this.server.close();
    for (const socket of this.users.keys()) socket.destroy();
  }
}

/** What a process finds when it asks the folder's owner. */
export interface Lease {
  owner: OwnerInfo;
  /** Stops using the server (closes the connection the owner counts). */
  release(): void;
  /** Called once if the owner goes away (dies) before this lease is released. */
  onOwnerGone(callback: () => void): void;
}

/**
 * Connects to the owner of `name`: undefined when there is none; otherwise the owner's info and,
 * unless `peek`, a lease that keeps this process counted as a user until released or dead.
 */
export async function askOwner(name: string, me: UserInfo): Promise<Lease | undefined> {
  const socket = net.connect({ path: `\0${name}` });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new DbError(
          'EMBEDDED_FAILED',
          `the process holding the embedded PostgreSQL's folder lock (${name}) does not answer: stop it and start again`,
        ),
      );
    }, 10_000);
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve(undefined);
      else reject(e);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(undefined); // the owner went away meanwhile
    });
    socket.once('connect', () => socket.write(`${JSON.stringify(me)}\n`));
    readLine<OwnerInfo>(socket, (owner) => {
      clearTimeout(timer);
      socket.removeAllListeners('close');
      socket.on('error', () => undefined);
      socket.unref();
      if (me.peek) socket.end();
      let released = false;
      let gone: (() => void) | undefined;
      socket.once('close', () => {
        if (!released) gone?.();
      });
      resolve({
        owner,
        release: () => {
          released = true;
          socket.destroy();
        },
        onOwnerGone: (callback) => (gone = callback),
      });
    });
  });
}
