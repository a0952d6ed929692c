/** Final state of a task in a run. */
export type TaskOutcomeStatus = 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** Final state of a run. A run whose only failures are `continueOnFailure` tasks has succeeded. */
export type RunOutcomeStatus = 'succeeded' | 'failed' | 'cancelled';

/** What happened to one task. */
export interface TaskOutcome {
  name: string;
  status: TaskOutcomeStatus;
  /** Attempts made in this run (0 when skipped, cancelled before starting, or reused). */
  attempts: number;
  /** Wall time from the first attempt's start to the end of the last one (0 when none ran). */
  durationMs: number;
  startedAt?: Date;
  finishedAt?: Date;
  /** The task's return value (succeeded only). */
  result?: unknown;
  /** Last error (failed; also cancelled when an attempt was running). */
  error?: Error;
  /**
   * Why it was skipped or cancelled, e.g. "dependency 'ingest' failed"; for a failure that ended
   * the retries early, "permanent failure (CODE), not retried: <message>".
   */
  reason?: string;
  /** Whether the task is `continueOnFailure` (its failure does not fail the run). */
  continueOnFailure: boolean;
  /** Set when the task was not re-run because it succeeded in this earlier run (resume). */
  reusedFromRunId?: string;
}

/**
 * What `pipeline.run` and `pipeline.resume` return. They never reject for task failures. `R` is
 * the pipeline's result map (see `Pipeline`), so `results.train` has the train task's type.
 */
export interface RunResult<R extends object = Record<string, unknown>> {
  runId: string;
  name: string;
  status: RunOutcomeStatus;
  /** Set when this run resumed an earlier one. */
  resumedFromId?: string;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** Every task, in the order they were added. */
  tasks: TaskOutcome[];
  /** Results of the tasks that succeeded (including reused ones), by name. */
  results: Partial<R>;
  /** Failed tasks that were required (not `continueOnFailure`): non-empty means exit code 1. */
  failedRequired: string[];
  /** Failed tasks marked `continueOnFailure`. */
  failedOptional: string[];
  /** Cancellation reason (cancelled runs). */
  cancelReason?: string;
  /** Store writes that failed (the run went on; the persisted record may be incomplete). */
  storeErrors: Error[];
}
