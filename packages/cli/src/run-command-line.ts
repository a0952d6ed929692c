import { Command, CommanderError } from 'commander';
import { CliCommand } from './cli-command';
import { CliError } from './cli-error';
import { EXIT, exitCodeFor, isUsageError, type ErrorClasses, type ExitCode } from './exit-code';

/** Where a command line writes its text: a stream, or a test's collector. */
export interface TextOutput {
  write(text: string): unknown;
}

export interface CommandLineOptions extends ErrorClasses {
  stderr: TextOutput;
  /** What introduces a failure's message (default `error`; the pipeline says `pipeline failed`). */
  failureLabel?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `program` on `argv` (user arguments only) and returns the exit code ({@link EXIT}); never
 * throws. A usage error prints `error: <message>` and the usage of the command that raised it (not
 * the root help); a configuration error is `error: <message>`; unusable infrastructure is its one line naming the fix (never the driver's code
 * frame); any other failure is `<failureLabel>: <message>`. Commander prints its own errors. A
 * {@link CliCommand}'s action may return the exit code of an outcome it reported itself.
 */
export async function runCommandLine(
  program: Command,
  argv: readonly string[],
  options: CommandLineOptions,
): Promise<ExitCode> {
  let running: Command = program;
  program.hook('preAction', (_program, action) => {
    running = action;
  });
  // `pnpm models -- list --json` hands us the `--` too; after it, commander would take every
  // option as a plain argument.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  try {
    await program.parseAsync(args, { from: 'user' });
    return running instanceof CliCommand ? running.outcome : EXIT.OK;
  } catch (error) {
    const code = exitCodeFor(error, options);
    if (error instanceof CommanderError) return code;
    // a CliError's message is already the line to show (an app may have named the server in it)
    const problem = error instanceof CliError ? undefined : options.unavailable?.(error);
    if (problem) options.stderr.write(`error: ${problem.message}\n`);
    else if (isUsageError(error, options))
      options.stderr.write(`error: ${messageOf(error)}\n\n${running.helpInformation()}`);
    // the failure label introduces failures only; configuration (exit 2) and infrastructure (exit 3) say `error`
    else
      options.stderr.write(
        `${code === EXIT.FAILED ? (options.failureLabel ?? 'error') : 'error'}: ${messageOf(error)}\n`,
      );
    return code;
  }
}
