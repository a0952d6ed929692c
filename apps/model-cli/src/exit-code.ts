import { CommanderError } from 'commander';
import { databaseProblemOf } from '@nba/db';
import { RegistryError } from '@nba/registry';

/** Why the command line gave up: bad usage (exit 2), declined confirmation or a failed step (exit 1). */
export type CliErrorCode = 'USAGE' | 'ABORTED' | 'FAILED';

/** The one error class of the model CLI. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Exit codes: 0 ok, 1 failed (or declined), 2 bad usage, 3 the database cannot be used (as in the other apps). */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, DATABASE: 3 } as const;

// Registry refusals caused by a malformed argument, rather than by the registry's state.
const USAGE_REGISTRY_CODES = new Set(['INVALID_VERSION', 'INVALID_INPUT']);

/** The exit code for an error thrown while running a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (databaseProblemOf(error)) return EXIT.DATABASE;
  if (error instanceof CliError) return error.code === 'USAGE' ? EXIT.USAGE : EXIT.FAILED;
  if (error instanceof RegistryError) return USAGE_REGISTRY_CODES.has(error.code) ? EXIT.USAGE : EXIT.FAILED;
  if ((error as { name?: string } | undefined)?.name === 'ConfigError') return EXIT.USAGE;
  return EXIT.FAILED;
}

/** What to print for an error: a database problem as its one line (what is wrong, what to do), never the driver's code frame. */
export function messageFor(error: unknown): string {
  if (error instanceof CliError) return error.message;
  return databaseProblemOf(error)?.message ?? (error as Error).message ?? String(error);
}
