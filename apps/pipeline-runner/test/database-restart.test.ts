import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { inheritedEnv } from '@nba/config';
import { createDbClient, type DbClient } from '@nba/db';
import { required } from '@nba/errors';
import { PrismaRunStore } from '@nba/orchestrator';
import { builtFile, startRestartablePostgres, type RestartablePostgres } from '@nba/testing';
import { DAILY_TASKS } from '@nba/lifecycle';

// Restarts the real PostgreSQL (`pg_ctl stop -m fast`, back about 3.5 s later) in the middle of
// each task of the daily run, and checks that the run succeeds by itself, without `resume`: every
// task recorded `succeeded`, the run `succeeded`, the same rows as an undisturbed run. The moment
// is pinned as in the kill-and-resume test: a lock held by the test keeps the task's side effect
// from happening before the restart (the restart ends the lock's session), and the run is frozen
// (SIGSTOP) from its "task attempt started" line until the server is down, so the task cannot have
// finished; it then runs on (SIGCONT) against a stopped server until the server is back.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));
const DATE = '2026-01-15';
const MODEL = 'nba-winner';
const OUTAGE_MS = 3500;

type Task = (typeof DAILY_TASKS)[number];

const env = (url: string) => inheritedEnv({ DATABASE_URL: url, LOG_LEVEL: 'info' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cli(url: string, args: string[]) {
  return spawnSync(process.execPath, [main, ...args], { env: env(url), encoding: 'utf8', timeout: 240_000 });
}

/** Rows that must come out the same with or without a restart. */
async function endState(db: DbClient) {
  return {
    games: await db.game.count(),
    odds: await db.oddsSnapshot.count(),
    predictions: await db.prediction.count(),
    versions: (
      await db.modelVersion.findMany({ select: { name: true, version: true, status: true }, orderBy: { id: 'asc' } })
    ).map((v) => `${v.name} ${v.version} ${v.status}`),
    events: (await db.modelEvent.findMany({ select: { action: true, toStatus: true }, orderBy: { id: 'asc' } })).map(
      (e) => `${e.action}->${e.toStatus}`,
    ),
  };
}

/** What each task writes: locked so that the task cannot have written it before the restart. */
const sideEffectLock: Record<Task, string[]> = {
  ingest_games: ['LOCK TABLE games IN SHARE MODE'],
  ingest_odds: ['LOCK TABLE odds_snapshots IN SHARE MODE'],
  settle: ['LOCK TABLE predictions IN SHARE MODE'],
  features: [],
  train: ['LOCK TABLE model_artifacts IN SHARE MODE'],
  promote: [`SELECT pg_advisory_xact_lock(${0x6e6261}, hashtext('${MODEL}'))`],
  predict: ['LOCK TABLE predictions IN SHARE MODE'],
  outlook: ['LOCK TABLE season_outlooks IN SHARE MODE'],
};

/**
 * Runs the CLI with `args`; at the first log line `restartAt` accepts freezes it, stops the server,
 * lets it run on, and starts the server again OUTAGE_MS later. Resolves with the exit code, output and log lines.
 */
function runWithRestart(
  pg: RestartablePostgres,
  url: string,
  args: string[],
  restartAt: (line: Record<string, unknown>) => boolean,
) {
  const child = spawn(process.execPath, [main, ...args], { env: env(url) });
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  let buffer = '';
  let restarted: Promise<void> | undefined;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const text of parts) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        stdout += `${text}\n`;
        continue;
      }
      lines.push(line);
      if (!restarted && restartAt(line)) {
        child.kill('SIGSTOP');
        pg.stop('fast');
        child.kill('SIGCONT');
        restarted = sleep(OUTAGE_MS).then(() => pg.start());
      }
    }
  });
  return new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    lines: Record<string, unknown>[];
    restarted: boolean;
  }>((resolve) => {
    child.on('exit', (code) => {
      void (restarted ?? Promise.resolve()).then(() =>
        resolve({ code, stdout: stdout + buffer, stderr, lines, restarted: restarted !== undefined }),
      );
    });
  });
}

describe('a database restart (pg_ctl -m fast, back 3.5 s later) in the middle of a run', () => {
  const template = 'nba_restart_tpl';
  let pg: RestartablePostgres;
  let admin: Client | undefined;
  let created = 0;
  let reference: Awaited<ReturnType<typeof endState>>;

  /** A session on the maintenance database (a restart ends the previous one). */
  async function connectAdmin(): Promise<void> {
    await admin?.end().catch(() => undefined);
    admin = new Client({ connectionString: pg.url() });
    admin.on('error', () => undefined);
    await admin.connect();
  }

  /** A statement on the maintenance database, through the session `connectAdmin` opened. */
  const adminQuery = (sql: string) => required(admin, 'the maintenance session').query(sql);

  async function scenarioDatabase(): Promise<string> {
    const name = `${template}_${created++}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    return pg.url(name);
  }

  beforeAll(async () => {
    pg = await startRestartablePostgres();
    await connectAdmin();
    await adminQuery(`CREATE DATABASE "${template}"`);
    const backfill = cli(pg.url(template), [
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
    const url = await scenarioDatabase();
    expect(cli(url, ['run', '--source', 'demo', '--date', DATE, '--auto-promote']).status).toBe(0);
    const db = createDbClient(url, { maxConnections: 2 });
    reference = await endState(db);
    await db.$disconnect();
    expect(reference.versions).toEqual([`${MODEL} 1.0.0 production`, `${MODEL}-stats 1.0.0 production`]);
    expect(reference.predictions).toBeGreaterThan(0);
  }, 400_000);

  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    pg?.destroy();
  });

  it.each([...DAILY_TASKS])(
    'restarted during %s: the run succeeds by itself, recorded as it happened',
    async (task) => {
      const url = await scenarioDatabase();
      const locker = new Client({ connectionString: url });
      locker.on('error', () => undefined); // the restart ends its session
      await locker.connect();
      await locker.query('BEGIN');
      for (const sql of sideEffectLock[task]) await locker.query(sql);

      const daily = ['run', '--source', 'demo', '--date', DATE, '--auto-promote'];
      const run = await runWithRestart(pg, url, daily, (l) => l.message === 'task attempt started' && l.task === task);
      await locker.end().catch(() => undefined);
      await connectAdmin();

      expect(run.restarted).toBe(true);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/: succeeded/);
      expect(run.code).toBe(0);
      // the restart was seen: the lease lost its connection and took its keys again
      const messages = run.lines.map((l) => l.message);
      expect(messages).toContain('run lease connection lost; taking the lease again');
      expect(messages).toContain('run lease taken again after its connection was lost');
      expect(messages).not.toContain('run store write failed');
      // a task held by the lock was in a statement when the server went down: it waited and ran again
      if (sideEffectLock[task].length > 0) {
        expect(
          run.lines.filter((l) => l.message === 'task will be retried when the database is back').map((l) => l.task),
        ).toContain(task);
      }
      for (const l of run.lines) if (typeof l.error === 'string') expect(l.error).not.toMatch(/\n/);

      const db = createDbClient(url, { maxConnections: 2 });
      try {
        const runId = required(
          run.lines.map((l) => l.runId).find((id): id is string => typeof id === 'string'),
          'the run id in the log',
        );
        const stored = required(await new PrismaRunStore(db, { databaseUrl: url }).getRun(runId), `run ${runId}`);
        expect(stored.status).toBe('succeeded');
        const last = new Map(stored.tasks.map((t) => [t.task, t.status]));
        expect(Object.fromEntries(last)).toEqual(Object.fromEntries(DAILY_TASKS.map((t) => [t, 'succeeded'])));
        expect(await endState(db)).toEqual(reference);
      } finally {
        await db.$disconnect();
      }
    },
    300_000,
  );

  it('restarted during a backfill: it finishes (exit 0, not 3) with the rows of an undisturbed one', async () => {
    const url = await scenarioDatabase(); // the template's copy: games and lines already there
    await adminQuery(`CREATE DATABASE "${template}_backfill"`);
    const fresh = pg.url(`${template}_backfill`);
    const args = ['backfill', '--source', 'demo', '--date', DATE, '--from-season', '2025', '--to-season', '2026'];
    // after the first season's games, while its lines are being loaded
    const run = await runWithRestart(pg, fresh, args, (l) => l.message === 'season backfilled');
    await connectAdmin();
    expect(run.restarted).toBe(true);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.message)).toContain('backfill step will be retried when the database is back');
    const counts = async (u: string) => {
      const db = createDbClient(u, { maxConnections: 2 });
      try {
        return { games: await db.game.count(), odds: await db.oddsSnapshot.count() };
      } finally {
        await db.$disconnect();
      }
    };
    expect(await counts(fresh)).toEqual(await counts(url));
  }, 300_000);
});
