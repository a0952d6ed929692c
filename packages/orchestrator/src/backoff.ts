import { toError } from './orchestrator-error';

/**
 * Delay before retry number `retry` (1 = first retry): `round((1 + random) * base * 2^(retry-1))`,
 * capped at `max` — exponential and randomized, the formula of p-retry's `{ minTimeout: base,
 * factor: 2, randomize: true, maxTimeout: max }`. Reported in `task-retrying` events.
 */
export function backoffDelay(retry: number, base: number, max = Infinity, random: () => number = Math.random): number {
  const delay = Math.round((1 + random()) * base * 2 ** (retry - 1));
  return Math.min(delay, max);
}

/**
 * Resolves after `ms`, or rejects with the signal's reason (as an Error) as soon as `signal` aborts.
 * (Global timers on purpose, not `timers/promises`: jest's fake timers drive these in the retry tests.)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(toError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(toError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
