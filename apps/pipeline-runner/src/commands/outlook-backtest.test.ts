import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { sharedDataDir } from '@nba/testing';
import type { PipelineDeps } from '../pipeline-deps';
import { runProgram } from '../program';

// The command as the binary runs it: seasons on worker threads (the compiled @nba/lifecycle), the
// same files as on one thread; usage errors exit 2 naming the option.
const dataDir = sharedDataDir();
const maybe = dataDir ? describe : describe.skip;

/** Runs `pipeline <argv>` and returns the exit code and what it printed. */
async function pipeline(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const deps: PipelineDeps = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: inheritedEnv({ LOG_LEVEL: 'error' }),
  };
  const code = await runProgram(argv, deps);
  return { code, stdout, stderr };
}

maybe('pipeline outlook-backtest', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outlook-cmd-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const common = ['--games', path.join(dataDir ?? '', 'games.csv'), '--odds', path.join(dataDir ?? '', 'odds.csv')];
  const settings = [
    '--from-season',
    '2022',
    '--to-season',
    '2023',
    '--every',
    '30',
    '--simulations',
    '80',
    '--baseline-simulations',
    '40',
  ];

  it('writes the same outlook.csv on two worker threads as on one, and prints the goals', async () => {
    const two = await pipeline([
      'outlook-backtest',
      ...common,
      ...settings,
      '--workers',
      '2',
      '--out',
      path.join(tmp, 'two'),
    ]);
    expect(two).toMatchObject({ code: 0 });
    expect(two.stdout).toMatch(/make_playoffs Brier: outlook 0\.\d{4}, elo 0\.\d{4}/);
    expect(two.stdout).toMatch(/goal: make_playoffs Brier at least 10% better/);
    const one = await pipeline([
      'outlook-backtest',
      ...common,
      ...settings,
      '--workers',
      '1',
      '--out',
      path.join(tmp, 'one'),
    ]);
    expect(one.code).toBe(0);
    const csv = (d: string): string => fs.readFileSync(path.join(tmp, d, 'outlook.csv'), 'utf8');
    expect(csv('two')).toEqual(csv('one'));
    expect(csv('one').split('\n')[0]).toMatch(/^season,date,team,wins_mean,make_playin,make_playoffs,seed_1,/);
    const merged = await pipeline(['outlook-backtest', '--merge', path.join(tmp, 'one')]);
    expect(merged.code).toBe(0);
    expect(csv('one')).toEqual(csv('two'));
  }, 300_000);

  it('refuses bad options with a usage error naming them', async () => {
    const bad = await pipeline(['outlook-backtest', ...common, '--every', '0', '--out', path.join(tmp, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/every 0/);
    const none = await pipeline(['outlook-backtest', '--out', path.join(tmp, 'bad')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--games/);
  });
});
