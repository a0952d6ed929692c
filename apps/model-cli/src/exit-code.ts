import { exitCodeFor as cliExitCodeFor, type ErrorClasses, type ExitCode } from '@nba/cli';
import { databaseProblemOf } from '@nba/db';
import { RegistryError } from '@nba/registry';

// Registry refusals caused by a malformed argument, rather than by the registry's state.
const USAGE_REGISTRY_CODES = new Set(['INVALID_VERSION', 'INVALID_INPUT']);

/** The model CLI's usage errors besides `CliError('USAGE')`: a registry refusal of a malformed argument. */
export function isRegistryUsageError(error: unknown): boolean {
  return error instanceof RegistryError && USAGE_REGISTRY_CODES.has(error.code);
}

/** How `nba-models` classifies errors: the registry's argument refusals are usage, an unusable database is exit 3. */
export const MODEL_CLI_ERRORS: Required<ErrorClasses> = {
  isUsage: isRegistryUsageError,
  unavailable: (error) => databaseProblemOf(error),
};

/** The exit code for an error thrown while running a command (`@nba/cli`'s convention). */
export function exitCodeFor(error: unknown): ExitCode {
  return cliExitCodeFor(error, MODEL_CLI_ERRORS);
}
