import { defineCommandLine, type AddCommand, type CliCommand, type ExitCode } from '@nba/cli';
import { databaseProblemOf } from '@nba/db';
import { registerBackfillCommand } from './commands/backfill';
import { registerBacktestCommand } from './commands/backtest';
import { registerHindcastCommand } from './commands/hindcast';
import { registerOutlookCommand } from './commands/outlook';
import { registerOutlookBacktestCommand } from './commands/outlook-backtest';
import { registerResumeCommand } from './commands/resume';
import { registerRunCommand } from './commands/run';
import { registerRunsCommand } from './commands/runs';
import { registerStartCommand } from './commands/start';
import { processDeps, type PipelineDeps } from './pipeline-deps';

const COMMANDS: readonly AddCommand<PipelineDeps>[] = [
  registerStartCommand,
  registerRunCommand,
  registerBackfillCommand,
  registerBacktestCommand,
  registerHindcastCommand,
  registerOutlookCommand,
  registerOutlookBacktestCommand,
  registerResumeCommand,
  registerRunsCommand,
];

/** The `pipeline` command line, by `@nba/cli`'s convention. */
export const pipelineCli = defineCommandLine<PipelineDeps>({
  name: 'pipeline',
  description: 'NBA prediction pipeline: ingest, features, train, register, predict, settle',
  commands: COMMANDS,
  failureLabel: 'pipeline failed',
  // the env was parsed before any connection: the raw DATABASE_URL only names the server
  unavailable: (error, deps) => databaseProblemOf(error, deps.env.DATABASE_URL),
});

/** Builds the `pipeline` program for `deps` (default: the process's own streams and env). */
export function createProgram(deps: PipelineDeps = processDeps()): CliCommand {
  return pipelineCli.program(deps);
}

/** Runs the command line on `argv` (user arguments only) and returns the exit code; prints every error itself and never throws. */
export function runProgram(argv: string[], deps: PipelineDeps = processDeps()): Promise<ExitCode> {
  return pipelineCli.run(argv, deps);
}
