import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { DbError } from '@nba/db';

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file (holding this process's pid) so two processes do not start the
 * embedded server at the same moment. A lock left by a dead process is taken over. Resolves to
 * the release function.
 */
export async function acquireStartLock(file: string, timeoutMs = 120_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(file, 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    if (!Number.isInteger(holder) || !processAlive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new DbError(
        'EMBEDDED_FAILED',
        `another process (pid ${holder}) has been starting the embedded PostgreSQL for over ${timeoutMs / 1000} s (lock ${file})`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
