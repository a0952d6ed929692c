import type { RunRecord, RunStore, StoredRun, TaskAttemptRecord } from './run-store';

/** A RunStore in process memory, for callers without a database (and for tests). */
export class InMemoryRunStore implements RunStore {
  private readonly runs = new Map<string, RunRecord>();
  private readonly attempts = new Map<string, TaskAttemptRecord[]>();

  async saveRun(run: RunRecord): Promise<void> {
    this.runs.set(run.id, structuredClone(run));
  }

  async saveAttempt(attempt: TaskAttemptRecord): Promise<void> {
    if (!this.runs.has(attempt.runId)) throw new Error(`saveAttempt: no run ${attempt.runId}`);
    const list = this.attempts.get(attempt.runId) ?? [];
    const copy = structuredClone(attempt);
    const i = list.findIndex((a) => a.task === attempt.task && a.attempt === attempt.attempt);
    if (i >= 0) list[i] = copy;
    else list.push(copy);
    this.attempts.set(attempt.runId, list);
  }

  async getRun(id: string): Promise<StoredRun | null> {
    const run = this.runs.get(id);
    if (!run) return null;
    const tasks = [...(this.attempts.get(id) ?? [])].sort((a, b) =>
      a.task === b.task ? a.attempt - b.attempt : a.task < b.task ? -1 : 1,
    );
    return structuredClone({ ...run, tasks });
  }

  /** Every run, oldest first (inspection in tests and tools). */
  async listRuns(): Promise<RunRecord[]> {
    return [...this.runs.values()].map((r) => structuredClone(r));
  }
}
