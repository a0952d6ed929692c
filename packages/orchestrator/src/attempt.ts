import { OrchestratorError, toError } from './orchestrator-error';

/**
 * Runs `work` with its own AbortSignal, which aborts when `parent` aborts (cancellation) or after
 * `timeoutMs`. The returned promise settles as soon as the signal aborts, even if `work` ignores
 * it: a timed-out attempt rejects with OrchestratorError TIMEOUT, a cancelled one with the parent's
 * reason (an Error as it is, anything else wrapped in one). (Work that ignores its signal keeps
 * running in the background; nothing can stop it.)
 */
export async function runAttempt<T>(
  work: (signal: AbortSignal) => T | Promise<T>,
  parent: AbortSignal,
  timeoutMs: number | undefined,
  label: string,
): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort(parent.reason);
  if (parent.aborted) throw toError(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs !== undefined) {
    timer = setTimeout(() => {
      controller.abort(new OrchestratorError('TIMEOUT', `${label} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  }
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(toError(controller.signal.reason)), { once: true });
  });
  // Promise.resolve().then: a synchronous throw in `work` becomes a rejection.
  const running = Promise.resolve().then(() => work(controller.signal));
  // Whichever loses the race may reject later with nobody listening: not an unhandled rejection.
  running.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([running, aborted]);
  } finally {
    if (timer) clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}
