import { CommanderError } from 'commander';
import { ConfigError } from '@nba/config';
import { CliError } from './cli-error';

/**
 * Exit codes of every binary (pipeline, nba-models, the API, nba-db, import-csv): 0 ok, 1 failed
 * (or declined), 2 bad usage or configuration, 3 infrastructure unavailable (the database, or an
 * upstream an app classifies so).
 */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, UNAVAILABLE: 3 } as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A predicate an app adds for its libraries' refusals of a malformed argument (e.g. the registry's INVALID_VERSION). */
export type UsageTest = (error: unknown) => boolean;

/** An unusable piece of infrastructure, as one line naming the fix (e.g. `@nba/db`'s `DatabaseProblem`). */
export interface Unavailable {
  message: string;
}

/** Says whether an error means the infrastructure cannot be used (exit 3); apps pass `@nba/db`'s `databaseProblemOf`. */
export type UnavailableTest = (error: unknown) => Unavailable | undefined;

/** How an app tells its own usage errors and infrastructure problems apart from plain failures. */
export interface ErrorClasses {
  /** The app's own usage errors besides `CliError('USAGE')`. */
  isUsage?: UsageTest;
  /** Infrastructure that cannot be used (exit 3, its one line). */
  unavailable?: UnavailableTest;
}

/** True for an error that is the user's argument's fault: shown with the running command's usage. */
export function isUsageError(error: unknown, classes: ErrorClasses = {}): boolean {
  return (error instanceof CliError && error.code === 'USAGE') || (classes.isUsage?.(error) ?? false);
}

/** The exit code for an error thrown while running a command, or while reading the environment before it. */
export function exitCodeFor(error: unknown, classes: ErrorClasses = {}): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (classes.unavailable?.(error)) return EXIT.UNAVAILABLE;
  if (isUsageError(error, classes) || error instanceof ConfigError) return EXIT.USAGE;
  return EXIT.FAILED;
}
