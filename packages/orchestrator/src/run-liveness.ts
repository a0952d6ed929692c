import os from 'node:os';
import type { Logger } from '@nba/logging';
import type { RunRecord, RunStore, StoredRunStatus } from './run-store';

/** The lease a run holds for as long as its process lives. */
export function runLeaseKey(runId: string): string {
  return `run:${runId}`;
}

/** The lease behind a run's lock key: one live run per pipeline and key. */
export function lockLeaseKey(pipeline: string, lockKey: string): string {
  return `lock:${pipeline}:${lockKey}`;
}

/** `pid@host` of this process, stored as a run's holder. */
export function processHolder(): string {
  return `${process.pid}@${os.hostname()}`;
}

/**
 * A run's status as an operator should read it: a run still marked `running` whose lease nobody
 * holds has lost its process (killed, evicted, out of memory) and is reported `abandoned`.
 */
export async function liveStatus(store: RunStore, run: Pick<RunRecord, 'id' | 'status'>): Promise<StoredRunStatus> {
  if (run.status !== 'running') return run.status;
  return (await store.isLeaseHeld(runLeaseKey(run.id))) ? 'running' : 'abandoned';
}

/**
 * Records runs whose process died mid-run as `abandoned` (and their unfinished attempts as
 * cancelled), saying which run took over. Only call it for runs known to be dead: while holding
 * their lock key, or after checking their lease.
 */
export async function closeAbandoned(
  store: RunStore,
  runIds: readonly string[],
  why: string,
  logger: Logger,
): Promise<void> {
  for (const id of runIds) {
    const run = await store.getRun(id);
    if (!run || run.status !== 'running') continue;
    const finishedAt = new Date();
    const error = `abandoned: its process stopped without recording the end; ${why}`;
    for (const a of run.tasks.filter((t) => t.status === 'running')) {
      await store.saveAttempt({ ...a, status: 'cancelled', finishedAt, error });
    }
    const { tasks: _tasks, ...record } = run;
    await store.saveRun({ ...record, status: 'abandoned', finishedAt, error });
    logger.warn('abandoned run closed', { abandonedRunId: id, reason: why });
  }
}
