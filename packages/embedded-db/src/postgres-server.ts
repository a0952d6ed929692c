import { spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { DbError } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { ServerUser } from './server-user';
import { inheritedEnv } from '@nba/config';

/** A server this process started. */
export interface ServerProcess {
  /** Fast shutdown (SIGINT); resolves when the server has exited. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
// Messages are matched (the ready line) and quoted in errors: keep them in English.
const env = () => inheritedEnv({ LC_MESSAGES: 'C' });

/** Spawn options that run the binaries as `user` (as root) or as this process. */
function asUser(user: ServerUser | undefined): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

/** Output of a child process: logged at debug, the last lines kept for an error message. */
function collect(child: ChildProcess, log: Logger | undefined): () => string[] {
  const lines: string[] = [];
  const onData = (d: Buffer) => {
    for (const line of d.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      log?.debug('embedded postgres', { output: line.trim() });
      lines.push(line.trim());
      if (lines.length > 30) lines.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => lines;
}

/** What explains a failure: PostgreSQL's first FATAL/ERROR/PANIC message (without its log prefix), else the last line. */
function explanation(lines: string[]): string {
  for (const line of lines) {
    const m = /\b(?:FATAL|ERROR|PANIC):\s+(.*)$/.exec(line);
    if (m?.[1] !== undefined) return m[1];
  }
  return lines.at(-1) ?? 'no output';
}

/** A spawn failure (binary missing or not executable) in one line. */
function spawnError(what: string, binary: string, user: ServerUser | undefined, e: NodeJS.ErrnoException): DbError {
  const who = user ? `the '${user.name}' user` : 'this user';
  return new DbError(
    'EMBEDDED_FAILED',
    `could not run ${what} (${binary}) as ${who}: ${e.code ?? e.message}; reinstall the dependencies (pnpm install) or set DATABASE_URL`,
    { cause: e },
  );
}

/**
 * Creates the cluster at `pgDir` with initdb, running as `user`; call it holding the folder lock.
 * initdb writes into a temporary sibling that is renamed into place on success, so a process
 * killed mid-way leaves no half cluster (the next start would take it for a real one).
 */
export async function initCluster(
  binDir: string,
  pgDir: string,
  user: ServerUser | undefined,
  password: string,
  log?: Logger,
): Promise<void> {
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `${pgDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away and start again`,
    );
  }
  const tmp = `${pgDir}.initdb-${process.pid}`;
  const passwordFile = `${pgDir}.pwfile-${process.pid}`;
  // Leftovers of a killed initdb: the caller holds the folder lock, so none is in use.
  const parent = path.dirname(pgDir);
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${path.basename(pgDir)}.initdb-`) || name.startsWith(`${path.basename(pgDir)}.pwfile-`))
      rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  mkdirSync(tmp, { mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(tmp, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const initdb = path.join(binDir, 'bin', 'initdb');
  try {
    // No locale: a missing system locale is the classic initdb failure, and C sorts the same everywhere.
    const args = [
      `--pgdata=${tmp}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-locale',
    ];
    const child = spawn(initdb, args, { ...asUser(user), env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collect(child, log);
    await new Promise<void>((resolve, reject) => {
      child.on('error', (e) => reject(spawnError('initdb', initdb, user, e)));
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new DbError('EMBEDDED_FAILED', `initdb failed for ${pgDir}: ${explanation(output())}`));
      });
    });
    rmSync(pgDir, { recursive: true, force: true }); // empty (checked above)
    renameSync(tmp, pgDir);
  } finally {
    rmSync(passwordFile, { force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Starts `postgres` on `pgDir`, listening on 127.0.0.1:`port`, as `user`; resolves once it
 * accepts connections. A server that exits first (port taken, bad data folder) is an error naming
 * PostgreSQL's own reason. The server is stopped when this process exits without calling `stop`.
 */
export async function startServer(
  binDir: string,
  pgDir: string,
  port: number,
  user: ServerUser | undefined,
  log?: Logger,
  keepOnExit: () => boolean = () => false,
): Promise<ServerProcess> {
  const postgres = path.join(binDir, 'bin', 'postgres');
  const args = ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'lc_messages=C'];
  const child = spawn(postgres, args, { ...asUser(user), env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child, log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Exiting without `stop` (an error path, a second Ctrl-C) stops the server, unless other
  // processes still use it: it is left running for them, and the next owner adopts it.
  const killOnExit = () => {
    if (!keepOnExit()) child.kill('SIGINT');
  };
  process.once('exit', killOnExit);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGQUIT');
        reject(
          new DbError(
            'EMBEDDED_FAILED',
            `the embedded PostgreSQL in ${pgDir} did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${explanation(output())}`,
          ),
        );
      }, START_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(spawnError('postgres', postgres, user, e));
      });
      child.on('exit', () => {
        clearTimeout(timer);
        const taken = output().some((l) => l.includes('Address already in use'));
        reject(
          new DbError(
            'EMBEDDED_FAILED',
            taken
              ? `the embedded PostgreSQL cannot listen on 127.0.0.1:${port}: another program uses that port; stop it, or set DATABASE_URL to use a server ` +
                  `of your own`
              : `the embedded PostgreSQL in ${pgDir} on port ${port} exited at start: ${explanation(output())}`,
            // marked so that a port chosen automatically can be chosen again
            taken ? { cause: Object.assign(new Error('address in use'), { code: 'EADDRINUSE' }) } : undefined,
          ),
        );
      });
      let tail = ''; // the ready line may arrive split across chunks
      const onData = (d: Buffer) => {
        tail = (tail + d.toString('utf8')).slice(-200);
        if (!tail.includes('database system is ready to accept connections')) return;
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        resolve();
      };
      child.stderr?.on('data', onData);
    });
  } catch (e) {
    process.off('exit', killOnExit);
    throw e;
  }
  return {
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Whether `error` is a server that could not listen because its port is taken. */
export function portTaken(error: unknown): boolean {
  return error instanceof DbError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * A server this process did not start but now owns: one left running by an owner that died
 * (SIGKILL) while other processes used it. Stopped by signalling its postmaster. As for a server
 * started here, exiting without `stop` stops it unless other processes still use it: the postmaster
 * is not this process's child, so nothing else ties it to this process (an owner whose work is done
 * and that exits by itself, or leaves by `process.exit`, would leave it running for nobody).
 */
export function adoptServer(postmasterPid: number, keepOnExit: () => boolean): ServerProcess {
  const stopOnExit = () => {
    if (!keepOnExit() && running(postmasterPid)) signal(postmasterPid, 'SIGINT');
  };
  process.once('exit', stopOnExit);
  return {
    stop: async () => {
      process.off('exit', stopOnExit);
      if (!running(postmasterPid)) return;
      signal(postmasterPid, 'SIGINT'); // fast shutdown, as for a server started here
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      let quit = false;
      while (running(postmasterPid)) {
        if (!quit && Date.now() > deadline) {
          signal(postmasterPid, 'SIGQUIT');
          quit = true;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Signals a process that may exit meanwhile (then there is nothing left to signal). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

/** Whether the process runs (exists and has not exited: a zombie has). */
function running(pid: number): boolean {
  return processAlive(pid) && !zombie(pid);
}

/** An exited process nobody has reaped yet (an orphan in a container whose pid 1 does not reap). */
function zombie(pid: number): boolean {
  try {
    return /\)\s+Z\b/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
