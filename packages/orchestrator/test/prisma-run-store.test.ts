import { createDbClient } from '@nba/db';
import { required } from '@nba/errors';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { Pipeline, PrismaRunStore } from '../src';

describe('PrismaRunStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ prefix: 'orch_store' });
  });
  afterAll(async () => db.drop());

  it('writes PipelineRun and one TaskRun row per attempt with status, timings and error', async () => {
    const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(db.client, { databaseUrl: db.url }) });
    p.addTask({
      name: 'ingest',
      maxRetries: 2,
      retryDelayMs: 5,
      run: ({ attempt }) => {
        if (attempt < 3) throw new Error(`503 #${attempt}`);
        return { games: 10 };
      },
    });
    p.addTask({
      name: 'odds',
      continueOnFailure: true,
      run: () => {
        throw new Error('quota exhausted');
      },
    });
    p.addTask({ name: 'train', dependencies: ['ingest'], skipIf: () => 'skip-train', run: () => 'm' });
    p.addTask({ name: 'noop', run: () => undefined });
    const r = await p.run({ date: '2024-02-01', dryRun: false });
    expect(r.status).toBe('succeeded');

    const run = await db.client.pipelineRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({
      name: 'nightly',
      status: 'succeeded',
      args: { date: '2024-02-01', dryRun: false },
      error: null,
      resumedFromId: null,
    });
    expect(required(run.finishedAt, "the run's finish").getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());

    const rows = await db.client.taskRun.findMany({
      where: { runId: r.runId },
      orderBy: [{ task: 'asc' }, { attempt: 'asc' }],
    });
    expect(rows.map((t) => [t.task, t.attempt, t.status, t.error, t.result])).toEqual([
      ['ingest', 1, 'failed', '503 #1', null],
      ['ingest', 2, 'failed', '503 #2', null],
      ['ingest', 3, 'succeeded', null, { games: 10 }],
      ['noop', 1, 'succeeded', null, null],
      ['odds', 1, 'failed', 'quota exhausted', null],
      ['train', 0, 'skipped', 'skip-train', null],
    ]);
    for (const row of rows) {
      const finishedAt = required(row.finishedAt, `the finish of ${row.task} attempt ${row.attempt}`);
      expect(row.durationMs).toBe(finishedAt.getTime() - row.startedAt.getTime());
    }
  });

  it('stores a required failure as a failed run naming the tasks', async () => {
    const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(db.client, { databaseUrl: db.url }) });
    p.addTask({
      name: 'ingest',
      run: () => {
        throw new Error('down');
      },
    });
    const r = await p.run(undefined, { args: { trigger: 'cron' } });
    const run = await db.client.pipelineRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ status: 'failed', error: 'required tasks failed: ingest', args: { trigger: 'cron' } });
  });

  it('a run still completes when the store cannot be written, and says so', async () => {
    const missing = createDbClient(db.url.replace(/\/[^/]+$/, '/orch_no_such_database'), { maxConnections: 1 });
    try {
      // leases on the real database, writes to one that does not exist
      const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(missing, { databaseUrl: db.url }) });
      p.addTask({ name: 'a', run: () => 1 });
      const r = await p.run(undefined);
      expect(r.status).toBe('succeeded');
      expect(r.results.a).toBe(1);
      expect(r.storeErrors.length).toBe(4); // run start, attempt start, attempt end, run end
    } finally {
      await missing.$disconnect();
    }
  });

  it('leases: held across sessions, all or none, free once released', async () => {
    const store = new PrismaRunStore(db.client, { databaseUrl: db.url });
    const lease = required(await store.acquireLease(['run:a', 'lock:nightly:2024-02-02']), 'the first lease');
    expect(await store.isLeaseHeld('run:a')).toBe(true);
    expect(await store.isLeaseHeld('run:b')).toBe(false);
    // all or nothing: one key taken means none is
    expect(await store.acquireLease(['run:b', 'lock:nightly:2024-02-02'])).toBeNull();
    expect(await store.isLeaseHeld('run:b')).toBe(false);
    await lease.release();
    expect(await store.isLeaseHeld('run:a')).toBe(false);
    const again = required(
      await store.acquireLease(['run:b', 'lock:nightly:2024-02-02']),
      'the lease once the keys are free',
    );
    await again.release();
  });

  /** The backend pid of the lease connection holding `key`, if any. */
  const holderPid = async (key: string): Promise<number | undefined> => {
    const rows = await db.client.$queryRawUnsafe<{ pid: number }[]>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ${0x6e6270}::int4::oid AND objid = hashtext($1)::oid AND objsubid = 2`,
      key,
    );
    return rows[0]?.pid;
  };

  it('leases: a dropped connection (a database restart, while the process lives) takes the keys again', async () => {
    const store = new PrismaRunStore(db.client, { databaseUrl: db.url });
    const lease = required(await store.acquireLease(['run:c', 'lock:nightly:2024-02-03']), 'the lease');
    const before = await holderPid('run:c');
    expect(before).toBeDefined();
    await db.client.$executeRawUnsafe(`SELECT pg_terminate_backend(${before})`);
    let after: number | undefined;
    for (let i = 0; i < 100 && (after === undefined || after === before); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await holderPid('lock:nightly:2024-02-03');
    }
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(await holderPid('run:c')).toBe(after);
    expect(lease.lost?.aborted).toBe(false);
    await lease.release();
    expect(await store.isLeaseHeld('run:c')).toBe(false);
  });

  it('leases: lost when another session takes a key while the connection is down (the run must stop)', async () => {
    const store = new PrismaRunStore(db.client, { databaseUrl: db.url });
    const lease = required(await store.acquireLease(['run:d', 'lock:nightly:2024-02-04']), 'the lease');
    const pid = await holderPid('run:d');
    const other = await db.client.$transaction(async (tx) => {
      // ends the lease's session and queues for its key in one statement: the waiting session is
      // granted the key when the dead session releases it, before the lease can reconnect
      await tx.$executeRawUnsafe(
        `SELECT pg_terminate_backend(${pid}), pg_advisory_xact_lock(${0x6e6270}, hashtext('lock:nightly:2024-02-04'))`,
      );
      for (let i = 0; i < 100 && !lease.lost?.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return lease.lost?.aborted;
    });
    expect(other).toBe(true);
    expect(lease.lost?.reason).toMatchObject({ message: matching(/^run lease lost: another process took/) });
    expect(await store.isLeaseHeld('run:d')).toBe(false);
    await lease.release();
  });

  it('refuses to start a run whose lease cannot be taken, and writes nothing', async () => {
    const store = new PrismaRunStore(db.client, { databaseUrl: db.url.replace(/\/[^/]+$/, '/orch_no_such_database') });
    const p = new Pipeline({ name: 'unleased', store });
    p.addTask({ name: 'a', run: () => 1 });
    await expect(p.run(undefined)).rejects.toThrow(/orch_no_such_database/);
    expect(await db.client.pipelineRun.count({ where: { name: 'unleased' } })).toBe(0);
  });

  it('recentRuns: the newest runs first, each with its attempts in the order they started', async () => {
    const store = new PrismaRunStore(db.client, { databaseUrl: db.url });
    const p = new Pipeline({ name: 'history', store });
    p.addTask({ name: 'first', run: () => 1 });
    p.addTask({ name: 'second', dependencies: ['first'], run: () => 2 });
    const older = await p.run(undefined);
    const newer = await p.run(undefined);
    const runs = await store.recentRuns(2);
    expect(runs.map((r) => r.id)).toEqual([newer.runId, older.runId]);
    expect(runs[0]?.tasks.map((t) => [t.task, t.status, t.result])).toEqual([
      ['first', 'succeeded', 1],
      ['second', 'succeeded', 2],
    ]);
  });
});
