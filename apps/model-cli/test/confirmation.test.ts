// The confirmation prompt on a real pseudo-terminal (util-linux `script`), answered yes and no.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { assertBuilt, runCli } from './run-cli';
import { trainModelJson } from './fixtures';

const hasScript = spawnSync('script', ['--version']).status === 0;
const describePty = hasScript ? describe : describe.skip;
if (!hasScript) console.warn('skipping the terminal prompt tests: util-linux `script` is not installed');

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  assertBuilt();
  db = await createTestDatabase({ prefix: 'model_cli_tty' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'nba-models-tty-'));
  writeFileSync(path.join(dir, 'm.json'), trainModelJson(3));
  for (const v of ['1.0.0', '1.1.0']) {
    const r = await runCli(['register', '--name', 'winner', '--version', v, '--artifact', 'm.json'], {
      env: { DATABASE_URL: db.url },
      cwd: dir,
    });
    expect(r.code).toBe(0);
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

const tty = (args: string[], answer: string) =>
  runCli(args, { env: { DATABASE_URL: db.url }, cwd: dir, tty: true, answer });
const production = async () =>
  (await db.client.modelVersion.findFirst({ where: { name: 'winner', status: 'production' } }))?.version;

describePty('confirmation on a terminal', () => {
  test('promote answered "n": shows the change, changes nothing, exits 1', async () => {
    const r = await tty(['promote', '--name', 'winner', '--version', '1.0.0'], 'n');
    expect(r.stdout).toContain("Promote model 'winner':\n  1.0.0  staging -> production");
    expect(r.stdout).toContain('(no version is in production now)');
    expect(r.stdout).toContain('Promote winner 1.0.0 to production? [y/N]');
    expect(r.stdout).toContain("not promoted: nothing changed ('winner' production is still none)");
    expect(r.code).toBe(1);
    expect(await production()).toBeUndefined();
  });

  test('promote answered "y": promotes, exits 0', async () => {
    const r = await tty(['promote', '--name', 'winner', '--version', '1.0.0', '--reason', 'interactive'], 'y');
    expect(r.stdout).toContain('promoted winner 1.0.0 to production');
    expect(r.code).toBe(0);
    expect(await production()).toBe('1.0.0');
  });

  test('the prompt lists the version that will be archived', async () => {
    const r = await tty(['promote', '--name', 'winner', '--version', '1.1.0'], 'yes');
    expect(r.stdout).toMatch(/1\.1\.0 {2}staging -> production[^\n]*\n {2}1\.0\.0 {2}production -> archived/);
    expect(r.code).toBe(0);
    expect(await production()).toBe('1.1.0');
  });

  test('an empty answer (just Enter) is no', async () => {
    const r = await tty(['rollback', '--name', 'winner'], '');
    expect(r.stdout).toContain('Roll back winner from 1.1.0 to 1.0.0? [y/N]');
    expect(r.code).toBe(1);
    expect(await production()).toBe('1.1.0');
  });

  test('rollback answered "y"', async () => {
    const r = await tty(['rollback', '--name', 'winner', '--reason', 'oops'], 'y');
    expect(r.stdout).toContain(
      "Roll back model 'winner':\n  1.1.0  production -> archived\n  1.0.0  archived -> production",
    );
    expect(r.stdout).toContain('rolled back winner: 1.0.0 is in production; archived 1.1.0');
    expect(r.code).toBe(0);
    expect(await production()).toBe('1.0.0');
  });

  test('--yes on a terminal does not ask', async () => {
    const r = await tty(['promote', '--name', 'winner', '--version', '1.1.0', '--yes'], 'n');
    expect(r.stdout).not.toContain('[y/N]');
    expect(r.code).toBe(0);
    expect(await production()).toBe('1.1.0');
  });
});
