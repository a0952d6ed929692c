import { defineCommandLine, EXIT, type AddCommand, type CliCommand, type ExitCode } from '@nba/cli';
import { databaseProblemOf } from '@nba/db';
import { registerBackfillCommand } from './commands/backfill';
import { registerBacktestCommand } from './commands/backtest';
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
export async function runProgram(argv: string[], deps: PipelineDeps = processDeps()): Promise<ExitCode | number> {
  const code = await pipelineCli.run(argv, deps);
  // TRANSITION: commands that still report a run's outcome through process.exitCode rather than
  // returning it from their action (remove once none does)
  return code === EXIT.OK && typeof process.exitCode === 'number' ? process.exitCode : code;
}
