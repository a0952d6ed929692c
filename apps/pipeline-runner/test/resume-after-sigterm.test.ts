import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { required } from '@nba/errors';
import { builtFile, createTestDatabase, type TestDatabase } from '@nba/testing';

// Runs the built CLI as an operator (or Kubernetes) would: SIGTERM mid-run, then `resume`.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));
const DATE = '2026-01-15';

describe('SIGTERM mid-run and resume', () => {
  let db: TestDatabase;
  const env = () => inheritedEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'info' });
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [main, ...args], { env: env(), encoding: 'utf8', timeout: 170_000 });

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db?.drop());

  it('records the run as cancelled, and resume finishes it without duplicating rows', async () => {
    const backfill = cli([
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
    expect(backfill.stderr).toBe('');
    expect(backfill.status).toBe(0);

    const child = spawn(process.execPath, [main, 'run', '--source', 'demo', '--date', DATE, '--auto-promote'], {
      env: env(),
    });
    let out = '';
    let signalled = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        if (!signalled && line.includes('"message":"task attempt started"') && line.includes('"task":"train"')) {
          signalled = 'train';
          child.kill('SIGTERM');
        }
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(signalled).toBe('train');
    expect(code).toBe(1);
    expect(out).toMatch(/run [0-9a-f-]{36}: cancelled/);
    const runId = required(/run ([0-9a-f-]{36}): cancelled/.exec(out)?.[1], 'the cancelled run id');
    const cancelled = await db.client.pipelineRun.findUniqueOrThrow({ where: { id: runId }, include: { tasks: true } });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.tasks.find((t) => t.task === 'ingest_games')?.status).toBe('succeeded');
    const gamesBefore = await db.client.game.count();
    const oddsBefore = await db.client.oddsSnapshot.count();

    const resumed = cli(['resume', '--run-id', runId]);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/: succeeded/);
    const next = await db.client.pipelineRun.findFirstOrThrow({
      where: { resumedFromId: runId },
      include: { tasks: true },
    });
    expect(next.status).toBe('succeeded');
    // Only what had not succeeded ran again.
    expect(next.tasks.map((t) => t.task)).not.toContain('ingest_games');
    expect(next.tasks.filter((t) => t.status === 'succeeded').map((t) => t.task)).toEqual(
      expect.arrayContaining(['train', 'promote', 'predict']),
    );

    const date = new Date(`${DATE}T00:00:00Z`);
    const games = await db.client.game.count({ where: { date } });
    expect(games).toBeGreaterThan(0);
    expect(await db.client.game.count()).toBe(gamesBefore);
    expect(await db.client.oddsSnapshot.count()).toBe(oddsBefore);
    // both models (market-aware and stats-only) forecast every game of the day, once
    expect(await db.client.prediction.count()).toBe(2 * games);
    expect(await db.client.modelVersion.count({ where: { status: 'production' } })).toBe(2);

    // Resuming a finished run is refused with a clear message and exit code 1.
    const again = cli(['resume', '--run-id', next.id]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/succeeded/);
  }, 180_000);
});
