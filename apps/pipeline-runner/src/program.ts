import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './usage';
import { registerBackfillCommand } from './commands/backfill';
import { registerBacktestCommand } from './commands/backtest';
import { registerResumeCommand } from './commands/resume';
import { registerRunCommand } from './commands/run';
import { registerRunsCommand } from './commands/runs';
import { registerStartCommand } from './commands/start';

/** Builds the `pipeline` command line; commands set `process.exitCode`-style results through `exit`. */
export function createProgram(): Command {
  const program = new Command('pipeline')
    .description('NBA prediction pipeline: ingest, features, train, register, predict, settle')
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program);
  registerRunCommand(program);
  registerBackfillCommand(program);
  registerBacktestCommand(program);
  registerResumeCommand(program);
  registerRunsCommand(program);
  return program;
}

/** Runs the program on `argv` (user arguments only) and returns the exit code. */
export async function runProgram(argv: string[], program = createProgram()): Promise<number> {
  // the command whose action runs: a UsageError it throws shows its usage, not the root help
  let running: Command = program;
  program.hook('preAction', (_program, action) => {
    running = action;
  });
  try {
    // `pnpm pipeline -- run …` passes the `--` through.
    await program.parseAsync(argv[0] === '--' ? argv.slice(1) : argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${running.helpInformation()}`);
      return EXIT.USAGE;
    }
    throw error;
  }
}
