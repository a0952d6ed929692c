import { CommanderError } from 'commander';
import { ConfigError } from '@nba/config';
import { databaseProblemOf } from '@nba/db';
import { CodedError } from '@nba/errors';

/** Exit codes of both command lines: 0 ok, 1 failed (or declined), 2 bad usage or configuration, 3 the database cannot be used. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, DATABASE: 3 } as const;

/** Why a command gave up: bad usage (exit 2, shown with the command's usage), a declined confirmation or a failed step (exit 1). */
export type CliErrorCode = 'USAGE' | 'ABORTED' | 'FAILED';

/** The one error class of the command lines (`nba-models`, `pipeline`). */
export class CliError extends CodedError<CliErrorCode> {
  override readonly name = 'CliError';
}

/** A predicate an app adds for its libraries' refusals of a malformed argument (e.g. the registry's INVALID_VERSION). */
export type UsageTest = (error: unknown) => boolean;

/** True for an error that is the user's argument's fault: shown with the running command's usage. */
export function isUsageError(error: unknown, isUsage?: UsageTest): boolean {
  return (error instanceof CliError && error.code === 'USAGE') || (isUsage?.(error) ?? false);
}

/** The exit code for an error thrown while running a command. */
export function exitCodeFor(error: unknown, isUsage?: UsageTest): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (databaseProblemOf(error)) return EXIT.DATABASE;
  if (isUsageError(error, isUsage) || error instanceof ConfigError) return EXIT.USAGE;
  return EXIT.FAILED;
}
