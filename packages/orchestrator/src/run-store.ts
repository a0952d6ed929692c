/**
 * Persisted status of a run (the database enum RunStatus). `abandoned`: its process died without
 * recording the end, and a later run of the same key (or a resume of it) closed it.
 */
export type StoredRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'abandoned';
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
  /** The exclusive key the run holds while it runs (see `RunOptions.lockKey`). */
  lockKey: string | null;
  /** `pid@host` of the process running it. */
  holder: string | null;
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

/** Which runs {@link RunStore.findRuns} returns; every given field must match. */
export interface RunFilter {
  name?: string;
  status?: StoredRunStatus;
  lockKey?: string;
  resumedFromId?: string;
}

/** Exclusive keys held by this process; the holder's death releases them too. */
export interface RunLease {
  release(): Promise<void>;
  /**
   * Aborted (with the reason) when the lease is lost for good: its connection dropped and it could
   * not be taken again (another process took a key meanwhile, or the database stayed away). The
   * run then stops. Absent for leases that cannot be lost.
   */
  readonly lost?: AbortSignal;
}

/**
 * Where runs are persisted. Both writes are upserts (by run id; by run id, task and attempt),
 * so a record is written when it starts and again when it ends. Leases say which runs are alive: a
 * run holds `run:<id>` (and its lock key) while its process lives, so a run still marked `running`
 * whose lease is free was abandoned.
 */
export interface RunStore {
  saveRun(run: RunRecord): Promise<void>;
  saveAttempt(attempt: TaskAttemptRecord): Promise<void>;
  /** The run with its attempts, or null when there is none with that id. */
  getRun(id: string): Promise<StoredRun | null>;
  /** Runs matching `filter`, newest first. */
  findRuns(filter: RunFilter): Promise<RunRecord[]>;
  /** The `limit` most recently started runs, newest first, each with its attempts in the order they started (run history for operators). */
  recentRuns(limit: number): Promise<StoredRun[]>;
  /** Takes every key or none: null when a live holder has one of them. */
  acquireLease(keys: readonly string[]): Promise<RunLease | null>;
  /** Whether a live process holds `key`. */
  isLeaseHeld(key: string): Promise<boolean>;
}
