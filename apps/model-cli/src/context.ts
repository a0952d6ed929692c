import type { Readable, Writable } from 'node:stream';
import type { CliIo } from '@nba/cli';
import type { LiveRecord, ModelRegistry } from '@nba/registry';

/** What the commands need from the outside world; `main.ts` provides the real ones, tests their own. */
export interface CliDeps extends CliIo {
  /**
   * Opens the registry (connecting to, or starting, the database) only when a command needs it,
   * with the record of stored forecasts that `compare` takes live scores from (`@nba/lifecycle`).
   */
  openRegistry(): Promise<{ registry: ModelRegistry; liveRecord?: LiveRecord; close(): Promise<void> }>;
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** Whether stdin is a terminal a person can answer a confirmation prompt on. */
  isTTY: boolean;
  /** Base folder for relative file paths (default process.cwd()). */
  cwd?: string;
}

/** Runs `fn` with an open registry and closes it afterwards, whatever happens. */
export async function withRegistry<T>(
  deps: CliDeps,
  fn: (registry: ModelRegistry, liveRecord?: LiveRecord) => Promise<T>,
): Promise<T> {
  const opened = await deps.openRegistry();
  try {
    return await fn(opened.registry, opened.liveRecord);
  } finally {
    await opened.close();
  }
}

/** Writes `text` and a newline to stdout. */
export function say(deps: CliDeps, text = ''): void {
  deps.stdout.write(`${text}\n`);
}

/** Writes `value` as indented JSON to stdout (for `--json`). */
export function sayJson(deps: CliDeps, value: unknown): void {
  deps.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
