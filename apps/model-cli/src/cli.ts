import { Command } from 'commander';
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
import { EXIT, exitCodeFor, messageFor } from './cli-error';
import type { CliDeps } from './context';

/** Builds the `nba-models` program; commands open the registry through `deps` only when they run. */
export function createProgram(deps: CliDeps): Command {
  const program = new Command('nba-models')
    .description('NBA model registry: list, inspect, register, promote, compare, roll back, archive and export model versions')
    .addHelpText(
      'after',
      '\nDatabase: DATABASE_URL, or the embedded PostgreSQL under NBA_DATA_DIR. Logs: JSON on stderr (LOG_LEVEL, default warn).\nExit codes: 0 ok, 1 failed or declined, 2 bad usage, 3 database unavailable or not migrated.',
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
  const program = createProgram(deps);
  // the command whose action runs: a usage error it raises shows its usage, not the root help
  let running: Command = program;
  program.hook('preAction', (_program, action) => {
    running = action;
  });
  // `pnpm models -- list --json` hands us the `--` too; after it, commander would take every
  // option as a plain argument.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    const code = exitCodeFor(error);
    // Commander has already printed its own message and the usage text.
    const fromCommander = (error as { code?: unknown }).code?.toString().startsWith('commander.');
    if (!fromCommander) {
      deps.stderr.write(`error: ${messageFor(error)}\n`);
      if (code === EXIT.USAGE) deps.stderr.write(`\n${running.helpInformation()}`);
    }
    return code;
  }
}
