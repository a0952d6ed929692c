import { databaseProblemOf } from '@nba/db';
import { backoffDelay, sleep } from './backoff';
import { toError } from './orchestrator-error';

/**
 * How transient database errors (a restart, a failover, a serialization failure: see
 * `DatabaseProblem.transient` of @nba/db) are retried, apart from a task's own `maxRetries`: the
 * database usually comes back within seconds, and a task that never retries (training) must
 * survive it as well as one that does. Retry n waits `backoffDelay(n, retryDelayMs, maxRetryDelayMs)`.
 */
export interface DatabaseRetryPolicy {
  /** Retries after transient database errors, per task run and per store write. */
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/** 8 retries from 1 s, capped at 15 s: waits of at least 75 s in all, enough for a restart or a failover. */
export const DEFAULT_DATABASE_RETRY: Readonly<DatabaseRetryPolicy> = Object.freeze({
  maxRetries: 8,
  retryDelayMs: 1000,
  maxRetryDelayMs: 15_000,
});

/** No retries of database errors beyond the task's own (`databaseRetry: false`). */
export const NO_DATABASE_RETRY: Readonly<DatabaseRetryPolicy> = Object.freeze({
  maxRetries: 0,
  retryDelayMs: 0,
  maxRetryDelayMs: 0,
});

/** The policy from a pipeline option: defaults for missing fields, none for `false`. */
export function databaseRetryPolicy(option: Partial<DatabaseRetryPolicy> | false | undefined): DatabaseRetryPolicy {
  if (option === false) return NO_DATABASE_RETRY;
  const policy = { ...DEFAULT_DATABASE_RETRY, ...option };
  for (const [key, value] of Object.entries(policy)) {
    if (!(value >= 0)) throw new RangeError(`databaseRetry.${key} must be a non-negative number, got ${String(value)}`);
  }
  return policy;
}

/** Whether another attempt can fix `error`: a transient database error (see @nba/db's `databaseProblemOf`). */
export function isTransientDatabaseFailure(error: unknown): boolean {
  return databaseProblemOf(error)?.transient === true;
}

/**
 * What a failure is, in one line: a database problem's summary (never Prisma's multi-line dump),
 * else the error's message.
 */
export function failureLine(error: Error): string {
  return databaseProblemOf(error)?.summary ?? error.message;
}

/** Options of {@link withDatabaseRetry}. */
export interface DatabaseRetryOptions {
  policy?: Partial<DatabaseRetryPolicy>;
  /** Stops the waits (rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Told before each wait, e.g. to log that the database is away. */
  onRetry?: (error: Error, retry: number, delayMs: number) => void;
}

/**
 * Runs `work`, and again after a transient database error (with the policy's backoff) until it
 * succeeds, fails otherwise, or the retries are spent; rejects with the last error. For work
 * outside a pipeline task (the backfill command, the run store's writes) that must survive a
 * database restart; `work` must be safe to run twice.
 */
export async function withDatabaseRetry<T>(work: () => Promise<T>, options: DatabaseRetryOptions = {}): Promise<T> {
  const policy = databaseRetryPolicy(options.policy);
  for (let retry = 1; ; retry++) {
    try {
      return await work();
    } catch (thrown) {
      const error = toError(thrown);
      if (retry > policy.maxRetries || !isTransientDatabaseFailure(error)) throw error;
      const delayMs = backoffDelay(retry, policy.retryDelayMs, policy.maxRetryDelayMs);
      options.onRetry?.(error, retry, delayMs);
      await sleep(delayMs, options.signal);
    }
  }
}
