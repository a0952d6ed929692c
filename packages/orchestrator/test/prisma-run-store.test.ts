import { createDbClient } from '@nba/db';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { Pipeline, PrismaRunStore } from '../src';

describe('PrismaRunStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ prefix: 'orch_store' });
  });
  afterAll(async () => db.drop());

  it('writes PipelineRun and one TaskRun row per attempt with status, timings and error', async () => {
    const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(db.client) });
    p.addTask({ name: 'ingest', maxRetries: 2, retryDelay: 5, run: ({ attempt }) => { if (attempt < 3) throw new Error(`503 #${attempt}`); return { games: 10 }; } });
    p.addTask({ name: 'odds', continueOnFailure: true, run: () => { throw new Error('quota exhausted'); } });
    p.addTask({ name: 'train', dependencies: ['ingest'], skipIf: () => 'skip-train', run: () => 'm' });
    p.addTask({ name: 'noop', run: () => undefined });
    const r = await p.run({ date: '2024-02-01', dryRun: false });
    expect(r.status).toBe('succeeded');

    const run = await db.client.pipelineRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ name: 'nightly', status: 'succeeded', args: { date: '2024-02-01', dryRun: false }, error: null, resumedFromId: null });
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());

    const rows = await db.client.taskRun.findMany({ where: { runId: r.runId }, orderBy: [{ task: 'asc' }, { attempt: 'asc' }] });
    expect(rows.map((t) => [t.task, t.attempt, t.status, t.error, t.result])).toEqual([
      ['ingest', 1, 'failed', '503 #1', null],
      ['ingest', 2, 'failed', '503 #2', null],
      ['ingest', 3, 'succeeded', null, { games: 10 }],
      ['noop', 1, 'succeeded', null, null],
      ['odds', 1, 'failed', 'quota exhausted', null],
      ['train', 0, 'skipped', 'skip-train', null],
    ]);
    for (const row of rows) {
      expect(row.finishedAt).not.toBeNull();
      expect(row.durationMs).toBe(row.finishedAt!.getTime() - row.startedAt.getTime());
    }
  });

  it('stores a required failure as a failed run naming the tasks', async () => {
    const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(db.client) });
    p.addTask({ name: 'ingest', run: () => { throw new Error('down'); } });
    const r = await p.run(undefined, { args: { trigger: 'cron' } });
    const run = await db.client.pipelineRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ status: 'failed', error: 'required tasks failed: ingest', args: { trigger: 'cron' } });
  });

  it('a run still completes when the store cannot be written, and says so', async () => {
    const missing = createDbClient(db.url.replace(/\/[^/]+$/, '/orch_no_such_database'), { maxConnections: 1 });
    try {
      const p = new Pipeline({ name: 'nightly', store: new PrismaRunStore(missing) });
      p.addTask({ name: 'a', run: () => 1 });
      const r = await p.run(undefined);
      expect(r.status).toBe('succeeded');
      expect(r.results.a).toBe(1);
      expect(r.storeErrors.length).toBe(4); // run start, attempt start, attempt end, run end
    } finally {
      await missing.$disconnect();
    }
  });
});
