import { Command } from 'commander';
import { EXIT, runCommandLine } from '@nba/cli';
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

/**
 * Runs the program on `argv` (user arguments only) and returns the exit code, by `@nba/cli`'s
 * convention. The raw DATABASE_URL only names the server in a database problem's line (the env was
 * parsed before any connection).
 */
export async function runProgram(argv: string[], program = createProgram()): Promise<number> {
  const code = await runCommandLine(program, argv, { stderr: process.stderr, failureLabel: 'pipeline failed', databaseUrl: process.env.DATABASE_URL });
  // commands report a run's outcome through process.exitCode
  return code === EXIT.OK && typeof process.exitCode === 'number' ? process.exitCode : code;
}
