import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { inheritedEnv } from '@nba/config';
import { required } from '@nba/errors';
import { builtFile, createTestDatabase, type TestDatabase } from '@nba/testing';

// What an operator meets running the job unattended, with the built CLI as the CronJob runs it:
// one secret missing, two runs of one day at once, a dead run in `runs`, demo and real data.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));
const DATE = '2026-01-15';

const KEYS = { API_BASKETBALL_KEY: '', THE_ODDS_API_KEY: '' };
const env = (url: string, extra: Record<string, string> = {}) =>
  inheritedEnv({ ...KEYS, DATABASE_URL: url, LOG_LEVEL: 'info', ...extra });
const cli = (url: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [main, ...args], { env: env(url, extra), encoding: 'utf8', timeout: 170_000 });

describe('running the job unattended', () => {
  let demo: TestDatabase;
  let real: TestDatabase;
  let dir: string;
  let gamesCsv: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nba-run-safety-'));
    gamesCsv = path.join(dir, 'games.csv');
    writeFileSync(
      gamesCsv,
      [
        'game_id,season,date,home_team,away_team,home_pts,away_pts,is_playoffs,game_type,neutral_site',
        '20231024_LAL_DEN,2024,2023-10-24,DEN,LAL,119,107,0,regular,0',
        '20231024_PHX_GSW,2024,2023-10-24,GSW,PHX,104,108,0,regular,0',
        '20231025_HOU_ORL,2024,2023-10-25,ORL,HOU,116,86,0,regular,0',
      ].join('\n') + '\n',
    );
    [demo, real] = await Promise.all([
      createTestDatabase({ prefix: 'nba_safety_demo' }),
      createTestDatabase({ prefix: 'nba_safety_real' }),
    ]);
    const backfill = cli(demo.url, [
      'backfill',
      '--source',
      'demo',
      '--date',
      DATE,
      '--from-season',
      '2025',
      '--to-season',
      '2026',
    ]);
    expect(backfill.status).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await demo?.drop();
    await real?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one upstream key without the other is a configuration error before any work (exit 2, naming it, no value)', async () => {
    const r = cli(real.url, ['run', '--date', DATE, '--auto-promote'], {
      API_BASKETBALL_KEY: 'basketball-secret-value',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('THE_ODDS_API_KEY: is required when API_BASKETBALL_KEY is set');
    expect(r.stderr + r.stdout).not.toContain('basketball-secret-value');
    expect(await real.client.pipelineRun.count()).toBe(0);
    expect(await real.client.game.count()).toBe(0);
  });

  it('a second run of a day in progress exits 1 at once naming the first, and writes nothing', async () => {
    // keep the first run alive: its settle task (one statement, no transaction) waits on this lock
    const locker = new Client({ connectionString: demo.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE predictions IN SHARE MODE');
      // (its statement waits on the lock for longer than the default statement timeout)
      const first = spawn(process.execPath, [main, 'run', '--date', DATE, '--auto-promote'], {
        env: env(demo.url, { DB_STATEMENT_TIMEOUT_MS: '300000' }),
      });
      let out = '';
      first.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const firstExit = new Promise<number | null>((resolve) => first.on('exit', resolve));
      while (
        !/"message":"task attempt started".*"task":"settle"|"task":"settle".*"message":"task attempt started"/.test(out)
      )
        await new Promise((r) => setTimeout(r, 50));
      const running = await demo.client.pipelineRun.findFirstOrThrow({ where: { status: 'running' } });
      const runsBefore = await demo.client.pipelineRun.count();

      const second = cli(demo.url, ['run', '--date', DATE, '--auto-promote']);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`a 'daily' run for ${DATE} is already in progress: run ${running.id}`);
      expect(second.stderr).toContain('nothing was done');
      expect(await demo.client.pipelineRun.count()).toBe(runsBefore);
      const runs = cli(demo.url, ['runs', '--json']);
      const listed = JSON.parse(runs.stdout) as { id: string; status: string }[];
      expect(listed[0]).toMatchObject({ id: running.id, status: 'running' });

      await locker.query('ROLLBACK');
      expect(await firstExit).toBe(0);
    } finally {
      await locker.end();
    }
  }, 180_000);

  it('`runs` shows a run killed hard as abandoned; resume needs no --force and closes it', async () => {
    const child = spawn(process.execPath, [main, 'run', '--date', '2026-01-16', '--auto-promote'], {
      env: env(demo.url),
    });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (
          out.includes('"message":"task attempt succeeded"') &&
          out.includes('"task":"ingest_games"') &&
          child.exitCode === null
        ) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const runId = required(/"runId":"([0-9a-f-]{36})"/.exec(out)?.[1], 'the run id in the log');
    const listed = cli(demo.url, ['runs', '--limit', '1']);
    expect(listed.stdout).toMatch(new RegExp(`${runId}  daily  abandoned .* for 2026-01-16`));
    const resumed = cli(demo.url, ['resume', '--run-id', runId]);
    expect(resumed.status).toBe(0);
    expect((await demo.client.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('abandoned');
  }, 180_000);

  it('never mixes demo and real data: each kind of run refuses a database holding the other', async () => {
    const demoRuns = await demo.client.pipelineRun.count();
    const realRun = cli(demo.url, ['run', '--source', 'csv', '--games', gamesCsv, '--date', '2023-10-25']);
    expect(realRun.status).toBe(1);
    expect(realRun.stderr).toMatch(/this database holds \d+ demo games .*a real run would train and predict on them/);
    expect(await demo.client.pipelineRun.count()).toBe(demoRuns);
    expect(await demo.client.game.count({ where: { isDemo: false } })).toBe(0);

    const imported = cli(real.url, [
      'backfill',
      '--source',
      'csv',
      '--games',
      gamesCsv,
      '--from-season',
      '2024',
      '--to-season',
      '2024',
    ]);
    expect(imported.status).toBe(0);
    const demoRun = cli(real.url, ['run', '--date', DATE]);
    expect(demoRun.status).toBe(1);
    expect(demoRun.stderr).toContain(
      'this database holds 3 real games (source csv); demo mode would mix a generated league into them',
    );
    expect(demoRun.stderr).toContain('API_BASKETBALL_KEY and THE_ODDS_API_KEY');
    expect(await real.client.game.count({ where: { isDemo: true } })).toBe(0);
    expect(await real.client.pipelineRun.count()).toBe(0);
  }, 180_000);
});
