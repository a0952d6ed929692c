import pRetry from 'p-retry';
import { backoffDelay, sleep } from './backoff';
import { toError } from './orchestrator-error';
import { isPermanent } from './permanent';

export interface RetryOptions {
  maxRetries: number;
  /** Base delay (p-retry's minTimeout): retry n waits `(1 + random) * retryDelay * 2^(n-1)`. */
  retryDelay: number;
  maxRetryDelay: number;
  /** Run cancellation: stops further attempts and interrupts a wait. */
  signal: AbortSignal;
  /** Called after a failed attempt that will be retried, before waiting `delayMs`. */
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
  random?: () => number;
}

/**
 * How a retried operation ended. `attempts` counts the attempts actually started; `permanent`
 * says the last error was permanent (see `isPermanent`) and ended the retries early.
 */
export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: Error; attempts: number; cancelled: boolean; permanent: boolean };

/** Wrapper so p-retry retries every error (on its own it gives up at once on a TypeError). */
class AttemptFailed extends Error {
  constructor(readonly original: Error) {
    super(original.message);
  }
}

/**
 * Calls `attempt(1)`, then on failure `attempt(2)`, … up to `maxRetries` retries, through p-retry.
 * A permanent error (`retryable: false`, see `isPermanent`) is not retried.
 * p-retry's own timer is set to 0 and the exponential, randomized wait happens in
 * `onFailedAttempt` so that cancellation interrupts it. Never rejects.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<RetryOutcome<T>> {
  let attempts = 0;
  let last: Error | undefined;
  try {
    const value = await pRetry(
      async (n: number) => {
        if (options.signal.aborted) throw new pRetry.AbortError(toError(options.signal.reason));
        attempts = n;
        try {
          return await attempt(n);
        } catch (thrown) {
          last = toError(thrown);
          if (options.signal.aborted || isPermanent(last)) throw new pRetry.AbortError(last);
          throw new AttemptFailed(last);
        }
      },
      {
        retries: options.maxRetries,
        minTimeout: 0,
        maxTimeout: 0,
        onFailedAttempt: async (failure) => {
          if (failure.retriesLeft <= 0) return;
          const error = failure instanceof AttemptFailed ? failure.original : failure;
          const delay = backoffDelay(failure.attemptNumber, options.retryDelay, options.maxRetryDelay, options.random);
          options.onRetry?.(error, failure.attemptNumber, delay);
          await sleep(delay, options.signal);
        },
      },
    );
    return { ok: true, value, attempts };
  } catch (thrown) {
    const cancelled = options.signal.aborted;
    const error = cancelled && !last ? toError(options.signal.reason) : (last ?? toError(thrown));
    return { ok: false, error, attempts, cancelled, permanent: !cancelled && isPermanent(error) };
  }
}
