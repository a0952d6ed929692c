import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@nba/logging';
import type { FolderOwner, UserInfo } from './folder-lock';
import { choosePort, recordPort } from './folder-port';
import { givenBinaries, packagedBinaries } from './postgres-binaries';
import { adoptServer, initCluster, portTaken, processAlive, startServer, type ServerProcess } from './postgres-server';
import { reachableBinaries } from './reachable-binaries';
import type { ServerUser } from './server-user';

/** What the owner needs to bring the folder's server up. */
export interface OwnServerOptions {
  pgDir: string;
  user: ServerUser | undefined;
  password: string;
  /** A fixed port (an error when taken); otherwise the folder's own (see `choosePort`). */
  port?: number;
  binariesDir?: string;
  logger?: Logger;
  /** Whether a server already answers on this port (it is up, not only its process). */
  reachable(port: number): Promise<boolean>;
}

/** The server's process and port, for the folder's owner. */
export interface OwnedServer {
  port: number;
  server: ServerProcess;
  adopted: boolean;
}

/** Where an owner tells shell scripts (infra/scripts/dev.sh) which lock to ask; the lock, not this file, says who is alive. */
export const ownerFile = (stateDir: string) => path.join(stateDir, 'postgres.owner.json');

/** The postmaster still running on `pgDir` (left by an owner that died while others used it), if any. */
function runningPostmaster(pgDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? { pid, port: Number(portLine) } : undefined;
}

/**
 * Brings the folder's server up for its owner (who holds the folder lock): adopts one left running
 * by a dead owner, or starts it (initialising the cluster the first time) on the folder's port,
 * choosing again when that port is taken between the check and the start.
 */
export async function ownServer(owner: FolderOwner, o: OwnServerOptions): Promise<OwnedServer> {
  const log = o.logger;
  // Left running at an unplanned exit while other processes use it (see startServer, adoptServer).
  const keepOnExit = () => owner.liveUsers().length > 0;
  const left = runningPostmaster(o.pgDir);
  if (left) {
    // a live postmaster is adopted, never replaced: on a loaded machine one check may time out, so
    // it is asked again, and its postmaster.pid is not removed while it runs
    if (await answersWithin((port) => o.reachable(port), left.port, ADOPT_WAIT_MS)) {
      log?.warn('adopting the embedded PostgreSQL its previous owner left running (that process is gone)', {
        pid: left.pid,
        port: left.port,
      });
      owner.setPort(left.port);
      return { port: left.port, server: adoptServer(left.pid, keepOnExit), adopted: true };
    }
    if (runningPostmaster(o.pgDir)) {
      throw new Error(
        `the embedded PostgreSQL its previous owner left running in ${o.pgDir} (pid ${left.pid}, port ${left.port}) ` +
          `does not answer after ${ADOPT_WAIT_MS / 1000} s; stop that process, then start again`,
      );
    }
  }
  const binaries = o.binariesDir ? givenBinaries(o.binariesDir) : packagedBinaries();
  const stateDir = path.dirname(o.pgDir);
  const binDir = o.user
    ? await reachableBinaries(binaries, o.user, path.join(stateDir, 'postgres-binaries'), log)
    : binaries.dir;
  if (!existsSync(path.join(o.pgDir, 'PG_VERSION'))) {
    log?.info('initialising the embedded PostgreSQL', { dataDir: o.pgDir });
    await initCluster(binDir, o.pgDir, o.user, o.password, log);
  }
  rmSync(path.join(o.pgDir, 'postmaster.pid'), { force: true }); // stale: its process is gone
  const taken = new Set<number>();
  for (;;) {
    const port = o.port ?? (await choosePort(stateDir, taken));
    owner.setPort(port);
    try {
      const server = await startServer(binDir, o.pgDir, port, o.user, log, keepOnExit);
      if (o.port === undefined) recordPort(stateDir, port);
      return { port, server, adopted: false };
    } catch (e) {
      if (o.port !== undefined || !portTaken(e) || taken.size >= 3) throw e;
      log?.warn('the embedded PostgreSQL port was taken as it started; choosing another', { port });
      taken.add(port);
    }
  }
}

/** How long a postmaster left running is asked whether it answers before it is given up on. */
const ADOPT_WAIT_MS = 30_000;

/** Whether `reachable(port)` holds within `ms`, asked again every half second. */
async function answersWithin(
  reachable: (port: number) => Promise<boolean>,
  port: number,
  ms: number,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await reachable(port)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Tells shell scripts who owns the folder (see {@link ownerFile}). */
export function writeOwnerFile(stateDir: string, owner: FolderOwner, lock: string): void {
  writeFileSync(ownerFile(stateDir), `${JSON.stringify({ ...owner.info, lock })}\n`, { mode: 0o644 });
}

/**
 * The owner's stop: newcomers are told to wait, the processes still using the server are waited
 * for (never stopped under them), then the server stops and the folder is free.
 */
export async function stopOwned(stateDir: string, owner: FolderOwner, owned: OwnedServer, log?: Logger): Promise<void> {
  owner.setStopping();
  await owner.waitForNoUsers((users: UserInfo[]) =>
    log?.warn('waiting for the processes using the embedded PostgreSQL to finish before stopping it', {
      users: users.map((u) => `pid ${u.pid} (${u.command})`).join(', '),
    }),
  );
  await owned.server.stop();
  rmSync(ownerFile(stateDir), { force: true });
  owner.release();
}
