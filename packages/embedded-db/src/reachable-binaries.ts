import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { DbError } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { PostgresBinaries } from './postgres-binaries';
import { canRun, type ServerUser } from './server-user';
import { processAlive } from './postgres-server';

/**
 * Binaries `user` can run: `binaries.dir` itself when it can (the usual case), else a copy under
 * `copiesDir/<key>` made once and reused. A clone in root's private home holds the packaged binaries
 * where the `postgres` user cannot reach them; the copy lives in the state folder, which it can.
 */
export async function reachableBinaries(
  binaries: PostgresBinaries,
  user: ServerUser,
  copiesDir: string,
  log?: Logger,
): Promise<string> {
  if (canRun(user, binaries.dir)) return binaries.dir;
  const target = path.join(copiesDir, binaries.key);
  if (existsSync(target)) {
    if (canRun(user, target)) return target;
    // Damaged by hand (a complete copy is only ever renamed into place): copy again.
    await rm(target, { recursive: true, force: true });
  }
  await mkdir(copiesDir, { recursive: true, mode: 0o755 });
  await chmod(copiesDir, 0o755);
  log?.info('copying the PostgreSQL binaries where the postgres user can run them', { from: binaries.dir, to: target });
  await copyOnce(binaries.dir, target);
  if (!canRun(user, target)) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `the '${user.name}' user cannot run the PostgreSQL binaries copied to ${target}: make its parent folders reachable (chmod o+x), or set NBA_DATA_DIR ` +
        `to a folder such as /var/lib/nba-predictions`,
    );
  }
  return target;
}

/**
 * Makes `target` a copy of the folder `source` (bin, lib, share; files hard-linked where the
 * file system allows, symlinks kept), world-readable. Atomic: the copy is built in a temporary
 * sibling and renamed into place, so a process killed mid-copy leaves no half copy at `target`
 * (its leftover is removed by the next call), and of two processes copying at once, the second
 * rename finds `target` complete and drops its own copy.
 */
export async function copyOnce(source: string, target: string): Promise<void> {
  const prefix = `${path.basename(target)}.tmp-`;
  const parent = path.dirname(target);
  for (const name of await readdir(parent)) {
    const pid = Number(name.startsWith(prefix) ? name.slice(prefix.length).split('-')[0] : NaN);
    if (Number.isInteger(pid) && !processAlive(pid))
      await rm(path.join(parent, name), { recursive: true, force: true });
  }
  const tmp = path.join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await copyTree(source, tmp);
    await rename(tmp, target).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e; // else another process finished first
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(src, dst);
    else if (entry.isSymbolicLink()) await symlink(await readlink(src), dst);
    else await placeFile(src, dst);
  }
}

/** A hard link when the file is already readable by all (it shares the source's mode), else a copy made so. */
async function placeFile(src: string, dst: string): Promise<void> {
  const { mode } = await lstat(src);
  if (mode & 0o004) {
    try {
      await link(src, dst);
      return;
    } catch {
      // Another file system, or links not allowed: copy.
    }
  }
  await copyFile(src, dst);
  await chmod(dst, (mode & 0o777) | 0o444 | (mode & 0o100 ? 0o111 : 0));
}
