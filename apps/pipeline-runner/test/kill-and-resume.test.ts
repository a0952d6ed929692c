import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { inheritedEnv } from '@nba/config';
import { createDbClient, type DbClient } from '@nba/db';
import { required } from '@nba/errors';
import { liveStatus, PrismaRunStore } from '@nba/orchestrator';
import { builtFile, testServerUrl } from '@nba/testing';
import { DAILY_TASKS } from '@nba/lifecycle';

// Kills the real pipeline process (SIGKILL: an OOM kill, a node eviction) at every task boundary,
// before and after each task's side effect, resumes it, and checks that the end state is the one a
// run without a crash leaves. "Before" and "after" are made exact with PostgreSQL locks held by
// the test: a lock on what a task writes keeps its side effect from happening before the kill; a
// lock on `task_runs` keeps the record of its success from being written after the side effect.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));
const DATE = '2026-01-15';
const MODEL = 'nba-winner';

type Task = (typeof DAILY_TASKS)[number];

function databaseUrl(name: string): string {
  const u = new URL(testServerUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

const env = (url: string) => inheritedEnv({ DATABASE_URL: url, LOG_LEVEL: 'info' });

function cli(url: string, args: string[]) {
  return spawnSync(process.execPath, [main, ...args], { env: env(url), encoding: 'utf8', timeout: 170_000 });
}

/** Starts `run` and SIGKILLs it at the first log line `killAt` accepts; resolves with the run id. */
function runUntil(
  url: string,
  killAt: (line: Record<string, unknown>) => boolean,
): Promise<{ runId: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [main, 'run', '--source', 'demo', '--date', DATE, '--auto-promote'], {
    env: env(url),
  });
  let buffer = '';
  let runId = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const text of lines) {
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (typeof line.runId === 'string') runId = line.runId;
        if (child.exitCode === null && child.signalCode === null && killAt(line)) {
          child.kill('SIGKILL');
          resolve({ runId, child });
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`run ended (${code ?? signal}) before the kill point; stderr: ${stderr}`));
    });
  });
}

const isTaskLog = (message: string, task: string) => (l: Record<string, unknown>) =>
  l.message === message && l.task === task;

/** Rows that must come out the same whatever crashed when. */
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

describe('SIGKILL at every task boundary, then resume', () => {
  const template = `nba_kill_tpl_${Date.now().toString(36)}`;
  const created: string[] = [];
  let admin: Client;
  let reference: Awaited<ReturnType<typeof endState>>;

  /** A new database holding the demo history up to DATE (a copy of the template). */
  async function scenarioDatabase(): Promise<{ url: string; db: DbClient }> {
    const name = `${template}_${created.length}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    created.push(name);
    const url = databaseUrl(name);
    return { url, db: createDbClient(url, { maxConnections: 2 }) };
  }

  beforeAll(async () => {
    admin = await connect(testServerUrl());
    await admin.query(`CREATE DATABASE "${template}"`);
    created.push(template);
    const backfill = cli(databaseUrl(template), [
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
    // what a run without a crash leaves
    const { url, db } = await scenarioDatabase();
    const run = cli(url, ['run', '--source', 'demo', '--date', DATE, '--auto-promote']);
    expect(run.status).toBe(0);
    reference = await endState(db);
    await db.$disconnect();
    expect(reference.versions).toEqual([`${MODEL} 1.0.0 production`, `${MODEL}-stats 1.0.0 production`]);
    expect(reference.predictions).toBeGreaterThan(0);
  }, 300_000);

  afterAll(async () => {
    for (const name of created.reverse()) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  /**
   * Runs the scenario `kill` (which starts a run holding its locks, kills it and returns its id),
   * ends the killed process's statements still waiting on the test's locks (as the server does once
   * it notices the client is gone), releases the locks, resumes without --force, and compares.
   */
  async function killAndResume(kill: (url: string, locker: Client) => Promise<string>) {
    const { url, db } = await scenarioDatabase();
    const locker = await connect(url);
    try {
      await locker.query('BEGIN');
      const runId = await kill(url, locker);
      await locker.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
      await locker.query('ROLLBACK');

      const store = new PrismaRunStore(db, { databaseUrl: url });
      const killed = required(await store.getRun(runId), `the killed run ${runId}`);
      expect(killed.status).toBe('running');
      for (let i = 0; i < 100 && (await liveStatus(store, killed)) !== 'abandoned'; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await liveStatus(store, killed)).toBe('abandoned');

      const resumed = cli(url, ['resume', '--run-id', runId]);
      expect(resumed.stderr).toBe('');
      expect(resumed.stdout).toMatch(/: succeeded/);
      expect(resumed.status).toBe(0);
      expect((await store.getRun(runId))?.status).toBe('abandoned');
      expect((await store.findRuns({ resumedFromId: runId }))[0]?.status).toBe('succeeded');
      expect(await endState(db)).toEqual(reference);
    } finally {
      await locker.end().catch(() => undefined);
      await db.$disconnect();
    }
  }

  /** Holds `locks` in the locker's transaction and kills the run at the first line `killAt` accepts. */
  const holding =
    (locks: string[], killAt: (line: Record<string, unknown>) => boolean) => async (url: string, locker: Client) => {
      for (const sql of locks) await locker.query(sql);
      return (await runUntil(url, killAt)).runId;
    };

  // What each task writes, locked so that the task cannot have written it when it is killed.
  const sideEffectLock: Record<Task, string[]> = {
    ingest_games: ['LOCK TABLE games IN SHARE MODE'],
    ingest_odds: ['LOCK TABLE odds_snapshots IN SHARE MODE'],
    settle: ['LOCK TABLE predictions IN SHARE MODE'],
    features: [],
    train: ['LOCK TABLE model_artifacts IN SHARE MODE'],
    // the registry's per-name lock, taken by a promotion before it changes anything
    promote: [`SELECT pg_advisory_xact_lock(${0x6e6261}, hashtext('${MODEL}'))`],
    predict: ['LOCK TABLE predictions IN SHARE MODE'],
    outlook: ['LOCK TABLE season_outlooks IN SHARE MODE'],
  };

  it.each([...DAILY_TASKS])(
    'killed when %s starts, before its side effect',
    async (task) => {
      await killAndResume(holding(sideEffectLock[task], isTaskLog('task attempt started', task)));
    },
    180_000,
  );

  // Nothing of the run is recorded but its start: every task up to the one killed re-runs after its side effect.
  it.each([...DAILY_TASKS])(
    'killed when %s has done its side effect, before its success is recorded',
    async (task) => {
      await killAndResume(holding(['LOCK TABLE task_runs IN SHARE MODE'], isTaskLog('task attempt succeeded', task)));
    },
    180_000,
  );

  it('killed right after "model promoted", with train recorded and promote not (the reported case)', async () => {
    await killAndResume(async (url, locker) => {
      for (const sql of sideEffectLock.promote) await locker.query(sql);
      const second = await connect(url);
      try {
        let unblocked = false;
        const { runId } = await runUntil(url, (line) => {
          if (!unblocked && isTaskLog('task attempt started', 'promote')(line)) {
            unblocked = true;
            // train's success is recorded by now (promote started after it); keep promote's from being recorded, then let it promote
            void second
              .query('BEGIN')
              .then(() => second.query('LOCK TABLE task_runs IN SHARE MODE'))
              .then(() => locker.query('ROLLBACK'))
              .then(() => locker.query('BEGIN'));
          }
          return line.message === 'model promoted';
        });
        return runId;
      } finally {
        await second.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
        );
        await second.end();
      }
    });
  }, 180_000);
});
