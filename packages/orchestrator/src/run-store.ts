/** Persisted status of a run (the database enum RunStatus). */
export type StoredRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
/** Persisted status of a task attempt (the database enum TaskStatus). */
export type StoredTaskStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** A JSON value as stored (`args`, `result`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One row of PipelineRun. */
export interface RunRecord {
  id: string;
  name: string;
  status: StoredRunStatus;
  args: JsonValue;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  resumedFromId: string | null;
}

/**
 * One row of TaskRun: an attempt of a task. Attempt 0 is a task that never ran in this run:
 * skipped (by `skipIf` or a failed dependency) or cancelled before starting; `error` holds the reason.
 */
export interface TaskAttemptRecord {
  runId: string;
  task: string;
  attempt: number;
  status: StoredTaskStatus;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  result: JsonValue | null;
}

/** A run with all of its attempts, ordered by task then attempt. */
export interface StoredRun extends RunRecord {
  tasks: TaskAttemptRecord[];
}

/**
 * Where runs are persisted. Both writes are upserts (by run id; by run id, task and attempt),
 * so a record is written when it starts and again when it ends.
 */
export interface RunStore {
  saveRun(run: RunRecord): Promise<void>;
  saveAttempt(attempt: TaskAttemptRecord): Promise<void>;
  /** The run with its attempts, or null when there is none with that id. */
  getRun(id: string): Promise<StoredRun | null>;
}
