import { InvalidArgumentError } from 'commander';
import { CliError } from './cli-error';
import { defineCommandLine, type AddCommand, type CliIo } from './command-line';
import { EXIT } from './exit-code';

interface Deps extends CliIo {
  /** what the command would open: a test's own counter instead of a database */
  opened: string[];
}

const addCount: AddCommand<Deps> = (program, deps) => {
  program
    .command('count')
    .option('--n <n>', 'a whole number', (v: string) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('must be a whole number');
      return Number(v);
    })
    .option('--fail', 'report a failed outcome')
    .action((o: { n?: number; fail?: boolean }) => {
      deps.opened.push('db');
      if (o.n === 0) throw new CliError('USAGE', '--n: must be above 0');
      deps.stdout.write(`counted ${o.n ?? 1}\n`);
      return o.fail ? EXIT.FAILED : undefined;
    });
};

const cli = defineCommandLine<Deps>({
  name: 'tool',
  description: 'a tool',
  helpAfter: 'Exit codes: 0 ok.',
  commands: [addCount],
  unavailable: (e) => (e instanceof Error && e.message === 'down' ? { message: 'the database is down' } : undefined),
});

async function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const deps: Deps = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    opened: [],
  };
  const code = await cli.run(argv, deps);
  return { code, ...out, opened: deps.opened };
}

describe('defineCommandLine', () => {
  test('a command runs with the injected dependencies and prints to the injected stdout', async () => {
    expect(await run(['count', '--n', '3'])).toEqual({ code: 0, stdout: 'counted 3\n', stderr: '', opened: ['db'] });
  });

  test('an action returns the exit code of an outcome it reported itself', async () => {
    expect(await run(['count', '--fail'])).toMatchObject({ code: EXIT.FAILED, stdout: 'counted 1\n', stderr: '' });
  });

  test('a bad argument is usage (exit 2) before the action runs', async () => {
    const r = await run(['count', '--n', 'x']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/option '--n <n>' argument 'x' is invalid. must be a whole number/);
    expect(r.opened).toEqual([]);
  });

  test("a usage error thrown by the action shows the command's usage", async () => {
    const r = await run(['count', '--n', '0']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toMatch(/^error: --n: must be above 0\n\nUsage: tool count \[options\]/);
  });

  test('help goes to the injected stdout with the text after it, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toMatch(/Usage: tool \[options\] \[command\][\s\S]*count[\s\S]*Exit codes: 0 ok\./);
  });

  test('unavailable infrastructure, as the app classifies it, is exit 3 and its one line', async () => {
    const down = defineCommandLine<CliIo>({
      name: 'tool',
      description: 'a tool',
      commands: [(p) => p.action(() => Promise.reject(new Error('down')))],
      unavailable: (e) =>
        e instanceof Error && e.message === 'down' ? { message: 'the database is down' } : undefined,
    });
    let stderr = '';
    const code = await down.run([], { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } });
    expect({ code, stderr }).toEqual({ code: EXIT.UNAVAILABLE, stderr: 'error: the database is down\n' });
  });
});
