import { EXIT } from './exit-code';
import type { TextOutput } from './run-command-line';

/** What {@link closeOnStopSignals} needs. */
export interface CloseOnStopSignalsOptions {
  /** Releases what the command holds: its database, and an embedded server with it. */
  close(): Promise<void>;
  /** The one line on stderr for the signal received (without the newline). */
  line(signal: NodeJS.Signals): string;
  stderr: TextOutput;
  /** Default SIGINT and SIGTERM (Ctrl-C, a supervisor, a pod being stopped). */
  signals?: readonly NodeJS.Signals[];
}

/**
 * While installed, a stop signal ends the command cleanly instead of by the signal's default
 * action (which kills the process at once and leaves an embedded database it started running
 * without its owner): the line on stderr, `close()`, then exit 1. A signal another listener handles
 * (a pipeline run, which records itself cancelled and returns; a child process the command stops)
 * is left to it; a second signal exits at once. Returns the function that removes the listeners.
 */
export function closeOnStopSignals(options: CloseOnStopSignalsOptions): () => void {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(EXIT.FAILED);
    stopping = true;
    if (process.listenerCount(signal) > 1) return; // someone else stops the work
    options.stderr.write(`${options.line(signal)}\n`);
    void options.close().finally(() => process.exit(EXIT.FAILED));
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
