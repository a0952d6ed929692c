import type { JsonValue, RunFilter, RunLease, RunRecord, RunStore, StoredRun, TaskAttemptRecord } from './run-store';

// Copies keep callers from mutating stored records (what a database gives for free).
const copyJson = <T extends JsonValue | null>(v: T): T => (v === null ? v : (JSON.parse(JSON.stringify(v)) as T));
const copyDate = (d: Date | null): Date | null => (d ? new Date(d.getTime()) : null);
const copyRun = (r: RunRecord): RunRecord => ({
  ...r,
  args: copyJson(r.args),
  startedAt: new Date(r.startedAt.getTime()),
  finishedAt: copyDate(r.finishedAt),
});
const copyAttempt = (a: TaskAttemptRecord): TaskAttemptRecord => ({
  ...a,
  result: copyJson(a.result),
  startedAt: new Date(a.startedAt.getTime()),
  finishedAt: copyDate(a.finishedAt),
});

/** A RunStore in process memory, for callers without a database (and for tests). Leases are this process's. */
export class InMemoryRunStore implements RunStore {
  private readonly runs = new Map<string, RunRecord>();
  private readonly attempts = new Map<string, TaskAttemptRecord[]>();
  private readonly leased = new Set<string>();

  saveRun(run: RunRecord): Promise<void> {
    this.runs.set(run.id, copyRun(run));
    return Promise.resolve();
  }

  saveAttempt(attempt: TaskAttemptRecord): Promise<void> {
    if (!this.runs.has(attempt.runId)) return Promise.reject(new Error(`saveAttempt: no run ${attempt.runId}`));
    const list = this.attempts.get(attempt.runId) ?? [];
    const copy = copyAttempt(attempt);
    const i = list.findIndex((a) => a.task === attempt.task && a.attempt === attempt.attempt);
    if (i >= 0) list[i] = copy;
    else list.push(copy);
    this.attempts.set(attempt.runId, list);
    return Promise.resolve();
  }

  getRun(id: string): Promise<StoredRun | null> {
    const run = this.runs.get(id);
    if (!run) return Promise.resolve(null);
    const tasks = [...(this.attempts.get(id) ?? [])].sort((a, b) =>
      a.task === b.task ? a.attempt - b.attempt : a.task < b.task ? -1 : 1,
    );
    return Promise.resolve({ ...copyRun(run), tasks: tasks.map(copyAttempt) });
  }

  findRuns(filter: RunFilter): Promise<RunRecord[]> {
    const matches = (r: RunRecord) =>
      (filter.name === undefined || r.name === filter.name) &&
      (filter.status === undefined || r.status === filter.status) &&
      (filter.lockKey === undefined || r.lockKey === filter.lockKey) &&
      (filter.resumedFromId === undefined || r.resumedFromId === filter.resumedFromId);
    return Promise.resolve([...this.runs.values()].filter(matches).reverse().map(copyRun));
  }

  recentRuns(limit: number): Promise<StoredRun[]> {
    // reversed first: runs started in the same millisecond stay newest first (the sort is stable)
    const newest = [...this.runs.values()]
      .reverse()
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
      .slice(0, limit);
    return Promise.resolve(
      newest.map((r) => ({
        ...copyRun(r),
        tasks: [...(this.attempts.get(r.id) ?? [])]
          .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.attempt - b.attempt)
          .map(copyAttempt),
      })),
    );
  }

  acquireLease(keys: readonly string[]): Promise<RunLease | null> {
    if (keys.some((k) => this.leased.has(k))) return Promise.resolve(null);
    for (const k of keys) this.leased.add(k);
    let released = false;
    return Promise.resolve({
      release: () => {
        if (!released) for (const k of keys) this.leased.delete(k);
        released = true;
        return Promise.resolve();
      },
    });
  }

  isLeaseHeld(key: string): Promise<boolean> {
    return Promise.resolve(this.leased.has(key));
  }

  /** Every run, oldest first (inspection in tests and tools). */
  listRuns(): Promise<RunRecord[]> {
    return Promise.resolve([...this.runs.values()].map(copyRun));
  }
}
