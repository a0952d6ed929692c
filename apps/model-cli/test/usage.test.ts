// Bad usage, in process with a fake registry opener: every command checks its arguments before
// any work (the database is never opened), exits 2 and prints that command's own usage.
import { Readable, Writable } from 'node:stream';
import { RegistryError, type ModelRegistry } from '@nba/registry';
import { run } from '../src/cli';
import type { CliDeps } from '../src/context';

function text(): Writable & { text: string } {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  out.text = '';
  return out;
}

async function cli(args: string[], registry?: Partial<ModelRegistry>) {
  const stdout = text();
  const stderr = text();
  const openRegistry = jest.fn(() =>
    Promise.resolve({ registry: registry as ModelRegistry, close: () => Promise.resolve() }),
  );
  const deps: CliDeps = { stdout, stderr, stdin: Readable.from([]), isTTY: false, openRegistry, cwd: __dirname };
  const code = await run(args, deps);
  return { code, stdout: stdout.text, stderr: stderr.text, openRegistry };
}

const m = ['--artifact', 'm.json'];

test.each([
  [
    ['show', '--name', 'winner', '--version', 'not-semver'],
    "option '--version <version>' argument 'not-semver' is invalid. 'not-semver' is not a semantic version",
  ],
  [['show', '--name', 'winner'], "required option '--version <version>' not specified"],
  [['show', '--name', 'bad name', '--version', '1.0.0'], 'model name "bad name" is not valid'],
  [['list', '--name', '!'], 'model name "!" is not valid'],
  [['list', '--status', 'live'], 'Allowed choices are staging, production, archived'],
  [['production', '--name', ''], 'model name "" is not valid'],
  [['promote', '--name', 'winner', '--version', '1.0', '--yes'], "'1.0' is not a semantic version"],
  [['archive', '--name', 'winner', '--version', 'latest'], "'latest' is not a semantic version"],
  [['rollback', '--name', 'a/b', '--yes'], 'model name "a/b" is not valid'],
  [['history', '--name', ' winner'], 'model name " winner" is not valid'],
  [
    ['compare', '--model1', 'winner', '--model2', 'winner:1.0.0'],
    "expected NAME:VERSION, e.g. winner:1.1.0, got 'winner'",
  ],
  [['compare', '--model1', 'winner:1.0.0', '--model2', 'winner:latest'], "'latest' is not a semantic version"],
  [['register', '--name', 'winner', '--version', '1.0', ...m], "'1.0' is not a semantic version"],
  [
    ['register', '--name', 'winner', '--version', '1.0.0', ...m, '--training-games', 'many'],
    "argument 'many' is invalid. must be a whole number",
  ],
  [
    ['register', '--name', 'winner', '--version', '1.0.0', ...m, '--trained-from', '2016-13-01'],
    "invalid date '2016-13-01': expected a calendar date as YYYY-MM-DD",
  ],
  [
    ['register', '--name', 'winner', '--version', '1.0.0', ...m, '--trained-to', '9999-12-31'],
    "invalid date '9999-12-31': must be from 2007-08-01 to 2030-07-31",
  ],
  [
    [
      'register',
      '--name',
      'winner',
      '--version',
      '1.0.0',
      ...m,
      '--trained-from',
      '2020-01-01',
      '--trained-to',
      '2019-06-01',
    ],
    '--trained-from 2020-01-01 is after --trained-to 2019-06-01',
  ],
  [
    ['export', '--name', 'winner', '--version', '1.0.0', '--out', '/no/such/folder/m.json'],
    'the folder /no/such/folder does not exist',
  ],
  [
    ['export', '--name', 'winner', '--version', '1.0.0', '--out', 'm.json', '--role', 'spread'],
    'Allowed choices are win, margin, total',
  ],
])('%j: exit 2 with the reason and its own usage, no database opened', async (args, reason) => {
  const r = await cli(args);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(reason);
  expect(r.stderr).toContain(`Usage: nba-models ${args[0]} [options]`);
  // the command's usage, not the root help listing every command
  expect(r.stderr).not.toContain('Commands:');
  expect(r.stdout).toBe('');
  expect(r.openRegistry).not.toHaveBeenCalled();
});

test('a usage error found by the registry also shows the command usage', async () => {
  const listVersions = jest.fn(() =>
    Promise.reject(new RegistryError('INVALID_INPUT', "status 'x' is not one of staging, production, archived")),
  );
  const r = await cli(['list'], { listVersions });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /^error: status 'x' is not one of staging, production, archived\n\nUsage: nba-models list \[options\]/,
  );
  expect(r.stderr).not.toContain('Commands:');
});

test('a failure that is not about usage prints no usage (exit 1)', async () => {
  const getVersion = jest.fn(() =>
    Promise.reject(new RegistryError('NOT_FOUND', "model 'winner' version 9.9.9 is not registered")),
  );
  const r = await cli(['show', '--name', 'winner', '--version', '9.9.9'], { getVersion });
  expect(r.code).toBe(1);
  expect(r.stderr).toBe("error: model 'winner' version 9.9.9 is not registered\n");
});

test('without a command: the root help (exit 2)', async () => {
  const r = await cli([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Commands:');
  expect(r.openRegistry).not.toHaveBeenCalled();
});
