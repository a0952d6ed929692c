import { exitCodeFor as cliExitCodeFor } from '@nba/cli';
import { RegistryError } from '@nba/registry';

// Registry refusals caused by a malformed argument, rather than by the registry's state.
const USAGE_REGISTRY_CODES = new Set(['INVALID_VERSION', 'INVALID_INPUT']);

/** The model CLI's usage errors besides `CliError('USAGE')`: a registry refusal of a malformed argument. */
export function isRegistryUsageError(error: unknown): boolean {
  return error instanceof RegistryError && USAGE_REGISTRY_CODES.has(error.code);
}

/** The exit code for an error thrown while running a command (`@nba/cli`'s convention). */
export function exitCodeFor(error: unknown): number {
  return cliExitCodeFor(error, isRegistryUsageError);
}
