import { Command } from 'commander';
import { EXIT, type ExitCode } from './exit-code';

/**
 * What a command's action returns: nothing (exit 0), or the exit code of an outcome it has already
 * reported on stdout (e.g. `EXIT.FAILED` for a run whose task table shows a failure). Errors are
 * thrown instead, and printed by the convention.
 */
export type ActionResult = ExitCode | undefined | void;

// commander passes the parsed arguments, options and the command as `any[]`, as its own typings do
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandAction = (this: CliCommand, ...args: any[]) => ActionResult | Promise<ActionResult>;

/**
 * A commander `Command` whose actions may return an exit code (so no command sets the global
 * `process.exitCode`); its subcommands are `CliCommand`s too (commander's `createCommand` hook).
 */
export class CliCommand extends Command {
  /** The exit code the action that ran on this command returned (0 until then). */
  outcome: ExitCode = EXIT.OK;

  override createCommand(name?: string): CliCommand {
    return new CliCommand(name);
  }

  override action(fn: CommandAction): this {
    return super.action(async function (this: CliCommand, ...args: unknown[]) {
      const code = await fn.apply(this, args);
      if (code !== undefined) this.outcome = code;
    });
  }
}
