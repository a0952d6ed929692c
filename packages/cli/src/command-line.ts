import { CliCommand } from './cli-command';
import type { ErrorClasses, ExitCode, Unavailable } from './exit-code';
import { runCommandLine, type TextOutput } from './run-command-line';

/** What every binary's commands get from outside: where to print. Each app's deps extend it (a registry opener, the env, …). */
export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
}

/**
 * Declares one command on the program (`program.command('list')…`) or, for a binary with a single
 * command, the program's own options and action. Dependencies come in through `deps` (tests pass
 * their own); the action returns nothing or an {@link ExitCode} and throws on failure.
 */
export type AddCommand<Deps> = (program: CliCommand, deps: Deps) => void;

/** A binary's command line: its name, help and commands, and how its errors map to exit codes. */
export interface CommandLineSpec<Deps extends CliIo> {
  name: string;
  description: string;
  /** Text after the help: what the binary reads from the environment, its exit codes. */
  helpAfter?: string;
  commands: readonly AddCommand<Deps>[];
  /** The app's own usage errors besides `CliError('USAGE')` (exit 2, with the command's usage). */
  isUsage?: ErrorClasses['isUsage'];
  /** Infrastructure that cannot be used (exit 3, one line): usually `(e) => databaseProblemOf(e, deps.databaseUrl)`. */
  unavailable?: (error: unknown, deps: Deps) => Unavailable | undefined;
  /** What introduces a failure's message (default `error`). */
  failureLabel?: string;
}

/** A declared command line: build its program for `deps`, or run it on `argv` and get the exit code. */
export interface CommandLine<Deps extends CliIo> {
  program(deps: Deps): CliCommand;
  /** Parses and runs `argv` (user arguments only; a leading `--` is dropped); never throws. */
  run(argv: readonly string[], deps: Deps): Promise<ExitCode>;
}

/** The help text that states the exit codes, for `helpAfter`. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 ok, 1 failed, 2 bad usage or configuration, 3 database unavailable or not migrated.';

/**
 * The one way every binary declares its command line (`pipeline`, `nba-models`, the API, `nba-db`,
 * `import-csv`). `main.ts` only builds the real `deps` and exits with `run`'s code:
 *
 * ```ts
 * export const cli = defineCommandLine<MyDeps>({ name: 'tool', description: '…', commands: [addList, addShow] });
 * void cli.run(process.argv.slice(2), realDeps()).then((code) => process.exit(code));
 * ```
 */
export function defineCommandLine<Deps extends CliIo>(spec: CommandLineSpec<Deps>): CommandLine<Deps> {
  const program = (deps: Deps): CliCommand => {
    const root = new CliCommand(spec.name)
      .description(spec.description)
      // set before adding commands: subcommands copy these settings
      .exitOverride()
      .showHelpAfterError()
      .configureOutput({ writeOut: (s) => deps.stdout.write(s), writeErr: (s) => deps.stderr.write(s) });
    if (spec.helpAfter) root.addHelpText('after', `\n${spec.helpAfter}`);
    for (const add of spec.commands) add(root, deps);
    return root;
  };
  return {
    program,
    run: (argv, deps) =>
      runCommandLine(program(deps), argv, {
        stderr: deps.stderr,
        isUsage: spec.isUsage,
        unavailable: spec.unavailable && ((error) => spec.unavailable?.(error, deps)),
        failureLabel: spec.failureLabel,
      }),
  };
}
