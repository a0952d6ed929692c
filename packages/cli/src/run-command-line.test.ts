import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '@nba/config';
import { CliError } from './cli-error';
import { EXIT, exitCodeFor } from './exit-code';
import { runCommandLine } from './run-command-line';

/** An infrastructure failure as an app's classifier (e.g. @nba/db's databaseProblemOf) recognises it. */
class Unreachable extends Error {}
const databaseProblemOf = (e: unknown) =>
  e instanceof Unreachable ? { message: `the database is unreachable (${e.message})` } : undefined;

function program(action: () => void): Command {
  const root = new Command('tool').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  root
    .command('go')
    .option('--n <n>', 'a number', (v: string) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('must be a whole number');
      return v;
    })
    .action(action);
  root.command('other').action(() => {});
  return root;
}

async function run(
  argv: string[],
  thrown?: Error,
  options: { failureLabel?: string; isUsage?: (e: unknown) => boolean } = {},
) {
  let stderr = '';
  const code = await runCommandLine(
    program(() => {
      if (thrown) throw thrown;
    }),
    argv,
    { stderr: { write: (s: string) => (stderr += s) }, unavailable: (e) => databaseProblemOf(e), ...options },
  );
  return { code, stderr };
}

describe('exit codes', () => {
  test('0 ok, 1 failed or declined, 2 bad usage or configuration, 3 database unusable', () => {
    const classes = { unavailable: (e: unknown) => databaseProblemOf(e) };
    expect(exitCodeFor(new CliError('USAGE', ''))).toBe(EXIT.USAGE);
    expect(exitCodeFor(new CliError('ABORTED', ''))).toBe(EXIT.FAILED);
    expect(exitCodeFor(new ConfigError('INVALID_ENV', 'bad'))).toBe(EXIT.USAGE);
    expect(exitCodeFor(new Unreachable('not migrated'), classes)).toBe(EXIT.UNAVAILABLE);
    expect(exitCodeFor(new Error('boom'))).toBe(EXIT.FAILED);
    expect(exitCodeFor(new Error('refused'), { isUsage: (e) => (e as Error).message === 'refused' })).toBe(EXIT.USAGE);
  });
});

describe('runCommandLine', () => {
  test('a command that succeeds is 0, and a leading -- is dropped', async () => {
    expect(await run(['--', 'go'])).toEqual({ code: 0, stderr: '' });
  });

  test("a usage error prints its message and the running subcommand's usage, exit 2", async () => {
    const r = await run(['go'], new CliError('USAGE', '--date: not a date'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --date: not a date\n\nUsage: tool go \[options\]/);
    expect(r.stderr).not.toContain('Commands:');
  });

  test("the app's own usage errors print the same way", async () => {
    const r = await run(['go'], new Error('not a version'), { isUsage: () => true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: not a version\n\nUsage: tool go/);
  });

  test('commander errors are exit 2 and printed by commander', async () => {
    expect(await run(['go', '--n', 'x'])).toEqual({ code: 2, stderr: '' });
    expect(await run(['bogus'])).toEqual({ code: 2, stderr: '' });
  });

  test('a failure is its label and message, exit 1; a configuration error exit 2 without usage', async () => {
    expect(await run(['go'], new Error('boom'), { failureLabel: 'pipeline failed' })).toEqual({
      code: 1,
      stderr: 'pipeline failed: boom\n',
    });
    expect(await run(['go'], new ConfigError('INVALID_ENV', 'LOG_LEVEL: bad'))).toEqual({
      code: 2,
      stderr: 'error: LOG_LEVEL: bad\n',
    });
  });

  test('a database that cannot be used is one line and exit 3', async () => {
    const r = await run(['go'], new Unreachable('the database is not migrated'), { failureLabel: 'pipeline failed' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .+\n$/);
  });
});
