import { CliError } from '@nba/cli';
import { assertModelName } from '@nba/registry';

// Checks of command arguments that neither commander nor @nba/cli's option parsers make. Each runs
// before any work (no database, no upstream) and throws a usage error (`CliError('USAGE')`) naming
// the option and the value.

/** `--model-name`: what the registry accepts as a model name. */
export function assertModelNameOption(name: string): void {
  try {
    assertModelName(name);
  } catch (e) {
    throw new CliError('USAGE', `--model-name: ${(e as Error).message}`);
  }
}
