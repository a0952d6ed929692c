import { defineCommandLine, type CliCommand, type ExitCode } from '@nba/cli';
import { addArchive } from './commands/archive';
import { addCompare } from './commands/compare';
import { addExport } from './commands/export';
import { addHistory } from './commands/history';
import { addList } from './commands/list';
import { addProduction } from './commands/production';
import { addPromote } from './commands/promote';
import { addRegister } from './commands/register';
import { addRollback } from './commands/rollback';
import { addShow } from './commands/show';
import { MODEL_CLI_ERRORS } from './exit-code';
import type { CliDeps } from './context';

/** `nba-models` by `@nba/cli`'s convention; commands open the registry through `deps` only when they run. */
export const nbaModels = defineCommandLine<CliDeps>({
  name: 'nba-models',
  description:
    'NBA model registry: list, inspect, register, promote, compare, roll back, archive and export model versions',
  helpAfter:
    'Database: DATABASE_URL, or the embedded PostgreSQL under NBA_DATA_DIR. Logs: JSON on stderr (LOG_LEVEL, default warn).' +
    '\nExit codes: 0 ok, 1 failed or declined, 2 bad usage, 3 database unavailable or not migrated.',
  commands: [
    addList,
    addProduction,
    addShow,
    addRegister,
    addPromote,
    addCompare,
    addRollback,
    addArchive,
    addHistory,
    addExport,
  ],
  ...MODEL_CLI_ERRORS,
});

/** Builds the `nba-models` program for `deps`. */
export function createProgram(deps: CliDeps): CliCommand {
  return nbaModels.program(deps);
}

/** Runs one command line (without `node` and the script) and returns the exit code; errors go to stderr. */
export function run(argv: string[], deps: CliDeps): Promise<ExitCode> {
  return nbaModels.run(argv, deps);
}
