import type { Logger } from '@nba/logging';
import { askOwner, FolderOwner, type Lease, type UserInfo } from './folder-lock';
import { ownServer, stopOwned, writeOwnerFile, type OwnedServer, type OwnServerOptions } from './folder-server';

/** Where a user process takes the folder over from: its lock, its state folder and the server's options. */
export interface Handover {
  lock: string;
  stateDir: string;
  me: UserInfo;
  since: () => string;
  server: OwnServerOptions;
  logger?: Logger;
}

/** How long a user keeps trying to take over (or join the new owner of) a folder whose owner died. */
const TAKEOVER_WAIT_MS = 60_000;

/**
 * A process using the server another process owns. If that owner dies (SIGKILL) while this one
 * still uses the server, this one takes the lock over and adopts the server (on the same port, so
 * its connections stay valid), or joins the process that took it first; so the server is stopped
 * by the last process using it, never under one, and is not left running for ever.
 */
export function userOf(first: Lease, h: Handover): { stop(): Promise<void> } {
  let lease: Lease | undefined = first;
  let owned: { owner: FolderOwner; server: OwnedServer } | undefined;
  let stopped = false;
  let handingOver: Promise<void> = Promise.resolve();
  const port = first.owner.port;

  const takeOver = async (): Promise<void> => {
    // The dead owner's lock is freed as its process exits, which on a loaded machine may lag behind the
    // closing of this process's connection to it: asked again until the deadline, never given up at once.
    const deadline = Date.now() + TAKEOVER_WAIT_MS;
    for (let attempt = 1; !stopped; attempt++) {
      const owner = await FolderOwner.listen(h.lock, { pid: h.me.pid, port, since: h.since(), command: h.me.command });
      if (owner) {
        await adopt(owner, attempt);
        return;
      }
      const next = await askOwner(h.lock, h.me).catch(() => undefined); // a lock that does not answer yet: again
      if (next) {
        lease = next;
        next.onOwnerGone(onGone);
        return;
      }
      if (Date.now() >= deadline) {
        h.logger?.error(
          'the owner of the embedded PostgreSQL is gone and its folder lock stays taken; not taken over',
          {
            port,
            waitedMs: TAKEOVER_WAIT_MS,
          },
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const adopt = async (owner: FolderOwner, attempts: number): Promise<void> => {
    try {
      const server = await ownServer(owner, { ...h.server, port });
      owner.setRunning();
      writeOwnerFile(h.stateDir, owner, h.lock);
      h.logger?.warn('the owner of the embedded PostgreSQL is gone; this process owns it now and stops it when done', {
        port,
        attempts,
      });
      owned = { owner, server };
    } catch (e) {
      owner.release();
      throw e;
    }
  };
  function onGone(): void {
    lease = undefined;
    handingOver = takeOver().catch((e: unknown) => {
      h.logger?.error('the owner of the embedded PostgreSQL is gone and this process could not take it over', {
        error: (e as Error).message,
      });
    });
  }
  first.onOwnerGone(onGone);

  return {
    stop: async () => {
      stopped = true;
      await handingOver;
      lease?.release();
      if (owned) await stopOwned(h.stateDir, owned.owner, owned.server, h.logger);
    },
  };
}
