import { Command } from 'commander';
import { runCommandLine } from '@nba/cli';
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
import { isRegistryUsageError } from './exit-code';
import type { CliDeps } from './context';

/** Builds the `nba-models` program; commands open the registry through `deps` only when they run. */
export function createProgram(deps: CliDeps): Command {
  const program = new Command('nba-models')
    .description('NBA model registry: list, inspect, register, promote, compare, roll back, archive and export model versions')
    .addHelpText(
      'after',
      '\nDatabase: DATABASE_URL, or the embedded PostgreSQL under NBA_DATA_DIR. Logs: JSON on stderr (LOG_LEVEL, default warn).' +
        '\nExit codes: 0 ok, 1 failed or declined, 2 bad usage, 3 database unavailable or not migrated.',
    )
    // Set before adding commands: subcommands copy these settings.
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
    });
  for (const add of [addList, addProduction, addShow, addRegister, addPromote, addCompare, addRollback, addArchive, addHistory, addExport]) {
    add(program, deps);
  }
  return program;
}

/** Runs one command line (without `node` and the script) and returns the exit code; errors go to stderr. */
export async function run(argv: string[], deps: CliDeps): Promise<number> {
  return runCommandLine(createProgram(deps), argv, { stderr: deps.stderr, isUsage: isRegistryUsageError });
}
