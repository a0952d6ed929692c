/** Anything with a `cancel(reason)`, e.g. a Pipeline. */
export interface Cancellable {
  cancel(reason?: string): unknown;
}

/** Signals that stop a pipeline by default. */
export const DEFAULT_STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Cancels `target` when the process receives one of `signals` (default SIGTERM and SIGINT).
 * Returns a function that removes the listeners again. It never exits the process: the app
 * decides the exit code from the (cancelled) run result. While installed, the listeners replace
 * Node's default "exit on SIGINT/SIGTERM" behaviour.
 */
export function cancelOnSignals(
  target: Cancellable,
  signals: readonly NodeJS.Signals[] = DEFAULT_STOP_SIGNALS,
): () => void {
  const handlers = signals.map((signal) => {
    const handler = (): void => void target.cancel(`received ${signal}`);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
