import { backoffDelay, sleep } from './backoff';
import { isTransientDatabaseFailure, type DatabaseRetryPolicy } from './database-retry';
import { toError } from './orchestrator-error';
import { isPermanent } from './permanent';

export interface RetryOptions {
  maxRetries: number;
  /** Base delay: retry n waits `round((1 + random) * retryDelayMs * 2^(n-1))` ms (see `backoffDelay`). */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Run cancellation: stops further attempts and interrupts a wait. */
  signal: AbortSignal;
  /**
   * Retries of transient database errors, counted apart from `maxRetries` (which they do not
   * spend while these last). Default none.
   */
  databaseRetry?: DatabaseRetryPolicy;
  /** Called after a failed attempt that will be retried, before waiting `delayMs`; `database` for a transient database error. */
  onRetry?: (error: Error, attempt: number, delayMs: number, database: boolean) => void;
  random?: () => number;
}

/**
 * How a retried operation ended. `attempts` counts the attempts actually started; `permanent`
 * says the last error was permanent (see `isPermanent`) and ended the retries early.
 */
export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: Error; attempts: number; cancelled: boolean; permanent: boolean };

/**
 * Calls `attempt(1)`, then on failure `attempt(2)`, … up to `maxRetries` retries, waiting
 * `backoffDelay` between attempts. Every error is retried (a TypeError too) except a permanent one
 * (`retryable: false`, see `isPermanent`). A transient database error is retried on the
 * `databaseRetry` budget first, with its own backoff. Cancellation stops the loop and interrupts a
 * wait at once. Never rejects.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const { signal } = options;
  const database = options.databaseRetry;
  let last: Error | undefined;
  let attempts = 0;
  let retries = 0;
  let databaseRetries = 0;
  for (let n = 1; ; n++) {
    if (signal.aborted) break;
    attempts = n;
    try {
      return { ok: true, value: await attempt(n), attempts };
    } catch (thrown) {
      last = toError(thrown);
    }
    if (signal.aborted || isPermanent(last)) break;
    let delayMs: number;
    const transient =
      database !== undefined && databaseRetries < database.maxRetries && isTransientDatabaseFailure(last);
    if (transient)
      delayMs = backoffDelay(++databaseRetries, database.retryDelayMs, database.maxRetryDelayMs, options.random);
    else if (retries < options.maxRetries)
      delayMs = backoffDelay(++retries, options.retryDelayMs, options.maxRetryDelayMs, options.random);
    else break;
    options.onRetry?.(last, n, delayMs, transient);
    try {
      await sleep(delayMs, signal);
    } catch {
      break; // cancelled during the wait
    }
  }
  const cancelled = signal.aborted;
  const error = last ?? toError(signal.reason);
  return { ok: false, error, attempts, cancelled, permanent: !cancelled && isPermanent(error) };
}
