import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { builtFile } from '@nba/testing';

// Bad usage exits 2 with the usage text, before touching a database.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [main, ...args], {
    env: inheritedEnv({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', ...env }),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('pipeline command line', () => {
  it('lists its commands in --help (exit 0)', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['start', 'run', 'backfill', 'backtest', 'outlook', 'outlook-backtest', 'resume', 'runs'])
      expect(r.stdout).toContain(c);
  });

  it('an unknown command is bad usage (exit 2) with the root help', () => {
    const r = cli(['bogus']);
    expect(r.stderr).toMatch(/unknown command 'bogus'[\s\S]*Usage: pipeline \[options\] \[command\]/);
    expect(r.status).toBe(2);
  });

  it.each([
    [['run', '--source', 'ftp'], /--source <source>' argument 'ftp' is invalid/],
    [
      ['run', '--date', '2024-02-30'],
      /--date <YYYY-MM-DD>' argument '2024-02-30' is invalid\. invalid date '2024-02-30'/,
    ],
    [
      ['run', '--date', '9999-12-31'],
      /--date <YYYY-MM-DD>' argument '9999-12-31' is invalid\. invalid date '9999-12-31': must be from 2007-08-01 to 2030-07-31/,
    ],
    [['run', '--lookback-days', '99'], /--lookback-days must be a whole number from 0 to 30/],
    [['run', '--source', 'csv'], /--source csv needs --games/],
    [
      ['run', '--source', 'csv', '--games', '/missing/games.csv'],
      /--games <games.csv>' argument '\/missing\/games.csv' is invalid\. cannot read '\/missing\/games.csv' \(no such file\)/,
    ],
    [
      ['backtest', '--games', '/missing/games.csv'],
      /--games <file>' argument '\/missing\/games.csv' is invalid\. cannot read '\/missing\/games.csv' \(no such file\)/,
    ],
    [['run', '--model-name', ''], /--model-name: model name "" is not valid/],
    [['run', '--source', 'api'], /--source api needs API_BASKETBALL_KEY and THE_ODDS_API_KEY/],
    [['backfill', '--from-season', '2024'], /required option '--to-season <year>' not specified/],
    [
      ['backfill', '--from-season', '2025', '--to-season', '2024'],
      /--from-season and --to-season must be ending years/,
    ],
    [['resume', '--run-id', 'not-a-uuid'], /--run-id must be a run id/],
    [['runs', '--limit', '0'], /--limit must be a whole number/],
    [
      ['outlook', '--date', '2024-13-01'],
      /--date <YYYY-MM-DD>' argument '2024-13-01' is invalid\. invalid date '2024-13-01'/,
    ],
    [['outlook', '--simulations', 'many'], /--simulations <n>' argument 'many' is invalid/],
    [['outlook', '--simulations', '10'], /--simulations must be between 100 and 1000000, got 10/],
  ])("%j is bad usage (exit 2) with that command's usage", (args, message) => {
    const r = cli(args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`Usage: pipeline ${args[0]} [options]`);
    // the command's own usage, not the root help listing every command
    expect(r.stderr).not.toContain('Commands:');
    expect(r.status).toBe(2);
  });

  it('refuses a bad environment naming every bad variable (exit 2), without printing secrets', () => {
    const r = cli(['run'], {
      LOG_LEVEL: 'chatty',
      THE_ODDS_API_BASE_URL: 'nope',
      THE_ODDS_API_KEY: 'super-secret-key',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('LOG_LEVEL');
    expect(r.stderr).toContain('THE_ODDS_API_BASE_URL');
    expect(r.stderr).not.toContain('super-secret-key');
  });
});
