import { Command, CommanderError } from 'commander';
import { databaseProblemOf } from '@nba/db';
import { CliError, EXIT, exitCodeFor, isUsageError, type UsageTest } from './cli-error';

export interface CommandLineOptions {
  stderr: { write(text: string): unknown };
  /** The app's own usage errors besides `CliError('USAGE')`. */
  isUsage?: UsageTest;
  /** What introduces a failure's message (default `error`; the pipeline says `pipeline failed`). */
  failureLabel?: string;
  /** DATABASE_URL as given, so that a database problem names the server. */
  databaseUrl?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `program` on `argv` (user arguments only) and returns the exit code ({@link EXIT}); never
 * throws. A usage error prints `error: <message>` and the usage of the command that raised it (not
 * the root help); a database that cannot be used is its one line naming the fix (never the driver's
 * code frame); any other failure is `<failureLabel>: <message>`. Commander prints its own errors.
 */
export async function runCommandLine(program: Command, argv: readonly string[], options: CommandLineOptions): Promise<number> {
  let running: Command = program;
  program.hook('preAction', (_program, action) => {
    running = action;
  });
  // `pnpm models -- list --json` hands us the `--` too; after it, commander would take every
  // option as a plain argument.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    const code = exitCodeFor(error, options.isUsage);
    if (error instanceof CommanderError) return code;
    // a CliError's message is already the line to show (an app may have named the server in it)
    const problem = error instanceof CliError ? undefined : databaseProblemOf(error, options.databaseUrl);
    if (problem) options.stderr.write(`error: ${problem.message}\n`);
    else if (isUsageError(error, options.isUsage)) options.stderr.write(`error: ${messageOf(error)}\n\n${running.helpInformation()}`);
    else options.stderr.write(`${code === EXIT.DATABASE ? 'error' : (options.failureLabel ?? 'error')}: ${messageOf(error)}\n`);
    return code;
  }
}
