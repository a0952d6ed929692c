import { containing, createTestDatabase, type TestDatabase } from '@nba/testing';
import { InMemoryRunStore, liveStatus, Pipeline, PrismaRunStore, type RunStore } from '../src';
import { runLeaseKey } from '../src/run-liveness';

/**
 * The nightly shape: ingest -> features -> train -> predict, with optional odds -> predict.
 * `failing` names tasks that throw; `calls` counts real executions per task.
 */
function nightly(store: RunStore, failing: Set<string>, calls: Record<string, number>) {
  const p = new Pipeline<{ date: string }>({ name: 'nightly', store, concurrency: 2 });
  const task = (
    name: string,
    dependencies: string[],
    value: (results: Readonly<Record<string, unknown>>) => unknown,
    continueOnFailure = false,
  ) =>
    p.addTask({
      name,
      dependencies,
      continueOnFailure,
      run: ({ results }) => {
        calls[name] = (calls[name] ?? 0) + 1;
        if (failing.has(name)) throw new Error(`${name} broke`);
        return value(results);
      },
    });
  task('ingest', [], () => ({ games: 1230, at: new Date('2024-01-02T10:00:00Z') }));
  task('odds', [], () => ({ lines: 15 }), true);
  task('features', ['ingest'], (r) => ({ rows: (r.ingest as { games: number }).games * 2 }));
  task('train', ['features'], (r) => ({ model: 'm1', trainedOn: (r.features as { rows: number }).rows }));
  task('predict', ['train', 'odds'], (r) => ({ train: r.train, odds: r.odds ?? null }));
  return p;
}

const stores: [string, () => Promise<{ store: RunStore; close: () => Promise<void> }>][] = [
  ['in-memory', () => Promise.resolve({ store: new InMemoryRunStore(), close: () => Promise.resolve() })],
  [
    'Prisma (PostgreSQL)',
    async () => {
      const db: TestDatabase = await createTestDatabase({ prefix: 'orch_resume' });
      return { store: new PrismaRunStore(db.client, { databaseUrl: db.url }), close: () => db.drop() };
    },
  ],
];

describe.each(stores)('resume with the %s store', (_label, open) => {
  let store: RunStore;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await open()));
  afterAll(async () => close());

  it('re-runs only what did not succeed, feeding stored results to dependents, across resumes', async () => {
    const calls: Record<string, number> = {};
    const first = await nightly(store, new Set(['train', 'odds']), calls).run({ date: '2024-01-02' });
    expect(first.status).toBe('failed');
    expect(first.failedRequired).toEqual(['train']);
    expect(first.failedOptional).toEqual(['odds']);
    expect(first.tasks.find((t) => t.name === 'predict')?.status).toBe('skipped');

    // A second process: new Pipeline object, same store. `train` still fails; odds is fixed.
    const second = await nightly(store, new Set(['train']), calls).resume(first.runId, { date: '2024-01-02' });
    expect(second.resumedFromId).toBe(first.runId);
    expect(second.runId).not.toBe(first.runId);
    expect(second.status).toBe('failed');
    expect(calls).toEqual({ ingest: 1, features: 1, train: 2, odds: 2 });

    // Third process: everything works; resumes the resume. ingest/features/odds come from runs 1 and 2.
    const third = await nightly(store, new Set(), calls).resume(second.runId, { date: '2024-01-02' });
    expect(third.status).toBe('succeeded');
    expect(calls).toEqual({ ingest: 1, features: 1, train: 3, odds: 2, predict: 1 });
    const by = Object.fromEntries(third.tasks.map((t) => [t.name, t]));
    expect(by.ingest).toMatchObject({ status: 'succeeded', attempts: 0, reusedFromRunId: first.runId });
    expect(by.odds).toMatchObject({ status: 'succeeded', attempts: 0, reusedFromRunId: second.runId });
    expect(by.train).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(by.train?.reusedFromRunId).toBeUndefined();
    // Stored results are JSON: the Date returned by ingest comes back as a string.
    expect(third.results.ingest).toEqual({ games: 1230, at: '2024-01-02T10:00:00.000Z' });
    expect(third.results.predict).toEqual({ train: { model: 'm1', trainedOn: 2460 }, odds: { lines: 15 } });

    const stored = await store.getRun(third.runId);
    expect(stored).toMatchObject({ status: 'succeeded', resumedFromId: second.runId, args: { date: '2024-01-02' } });
    expect(stored?.tasks.map((t) => `${t.task}#${t.attempt}:${t.status}`)).toEqual([
      'predict#1:succeeded',
      'train#1:succeeded',
    ]);

    await expect(nightly(store, new Set(), calls).resume(third.runId, { date: '2024-01-02' })).rejects.toMatchObject({
      code: 'NOT_RESUMABLE',
    });
  });

  it('resumes a cancelled run; refuses unknown runs and runs of another pipeline', async () => {
    const calls: Record<string, number> = {};
    const p = nightly(store, new Set(), calls);
    const controller = new AbortController();
    const cancelled = await p.run(
      { date: '2024-01-03' },
      {
        onEvent: (e) => {
          if (e.type === 'task-succeeded' && e.task === 'features') controller.abort();
        },
        signal: controller.signal,
      },
    );
    expect(cancelled.status).toBe('cancelled');
    const resumed = await p.resume(cancelled.runId, { date: '2024-01-03' });
    expect(resumed.status).toBe('succeeded');
    expect(calls.ingest).toBe(1);
    expect(calls.features).toBe(1);
    expect(calls.train).toBe(1);

    await expect(p.resume('00000000-0000-4000-8000-000000000000', { date: 'x' })).rejects.toMatchObject({
      code: 'RUN_NOT_FOUND',
    });
    await expect(p.resume('not-a-uuid', { date: 'x' })).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    const other = new Pipeline<{ date: string }>({ name: 'weekly', store });
    other.addTask({ name: 'ingest', run: () => 1 });
    await expect(other.resume(cancelled.runId, { date: 'x' })).rejects.toMatchObject({
      code: 'NOT_RESUMABLE',
      message: `run ${cancelled.runId} belongs to pipeline 'nightly', not 'weekly'`,
    });
  });

  it('refuses a run marked running while its process holds its lease, unless forced', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    await store.saveRun({
      id,
      name: 'nightly',
      status: 'running',
      args: { date: '2024-01-04' },
      startedAt: new Date(),
      finishedAt: null,
      error: null,
      resumedFromId: null,
      lockKey: null,
      holder: '1@elsewhere',
    });
    await store.saveAttempt({
      runId: id,
      task: 'ingest',
      attempt: 1,
      status: 'succeeded',
      startedAt: new Date(),
      finishedAt: new Date(),
      durationMs: 5,
      error: null,
      result: { games: 3 },
    });
    const alive = await store.acquireLease([runLeaseKey(id)]);
    expect(await liveStatus(store, { id, status: 'running' })).toBe('running');
    const calls: Record<string, number> = {};
    const p = nightly(store, new Set(), calls);
    await expect(p.resume(id, { date: '2024-01-04' })).rejects.toMatchObject({
      code: 'RUN_IN_PROGRESS',
      message: containing('1@elsewhere'),
    });
    const r = await p.resume(id, { date: '2024-01-04' }, { force: true });
    await alive?.release();
    expect(r.status).toBe('succeeded');
    expect(calls.ingest).toBeUndefined();
    expect(r.results.features).toEqual({ rows: 6 });
    expect((await store.getRun(r.runId))?.args).toEqual({ date: '2024-01-04' });
    expect((await store.getRun(id))?.status).toBe('abandoned');
  });

  it('resumes a run whose process died (lease free) without force, and closes it as abandoned', async () => {
    const id = '22222222-2222-4222-8222-222222222222';
    await store.saveRun({
      id,
      name: 'nightly',
      status: 'running',
      args: { date: '2024-01-05' },
      startedAt: new Date(),
      finishedAt: null,
      error: null,
      resumedFromId: null,
      lockKey: '2024-01-05',
      holder: '2@gone',
    });
    await store.saveAttempt({
      runId: id,
      task: 'ingest',
      attempt: 1,
      status: 'succeeded',
      startedAt: new Date(),
      finishedAt: new Date(),
      durationMs: 5,
      error: null,
      result: { games: 4 },
    });
    await store.saveAttempt({
      runId: id,
      task: 'features',
      attempt: 1,
      status: 'running',
      startedAt: new Date(),
      finishedAt: null,
      durationMs: null,
      error: null,
      result: null,
    });
    expect(await liveStatus(store, { id, status: 'running' })).toBe('abandoned');
    const calls: Record<string, number> = {};
    const r = await nightly(store, new Set(), calls).resume(id, { date: '2024-01-05' });
    expect(r.status).toBe('succeeded');
    expect(calls.ingest).toBeUndefined();
    const closed = await store.getRun(id);
    expect(closed).toMatchObject({ status: 'abandoned', error: containing(`resumed by run ${r.runId}`) });
    expect(closed?.tasks.find((t) => t.task === 'features')?.status).toBe('cancelled');
    // the resumed run keeps the key; resuming the closed run again is refused: the chain goes on from the new one
    expect((await store.getRun(r.runId))?.lockKey).toBe('2024-01-05');
    await expect(nightly(store, new Set(), {}).resume(id, { date: '2024-01-05' })).rejects.toMatchObject({
      code: 'NOT_RESUMABLE',
      message: containing(`already resumed by run ${r.runId}`),
    });
  });

  it('allows one live run per lock key: the second is refused before writing anything, naming the first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const p = new Pipeline<{ date: string }>({ name: 'keyed', store });
    p.addTask({ name: 'slow', run: () => gate });
    const first = p.run({ date: '2024-01-06' }, { lockKey: '2024-01-06' });
    const firstRun = async () => (await store.findRuns({ name: 'keyed', lockKey: '2024-01-06', status: 'running' }))[0];
    let running = await firstRun();
    while (!running) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      running = await firstRun();
    }
    const before = (await store.findRuns({ name: 'keyed' })).length;
    const second = new Pipeline<{ date: string }>({ name: 'keyed', store });
    second.addTask({ name: 'slow', run: () => 1 });
    await expect(second.run({ date: '2024-01-06' }, { lockKey: '2024-01-06' })).rejects.toMatchObject({
      code: 'RUN_IN_PROGRESS',
      message: containing(`run ${running.id}`),
    });
    expect((await store.findRuns({ name: 'keyed' })).length).toBe(before);
    // another key is not blocked
    expect((await second.run({ date: '2024-01-07' }, { lockKey: '2024-01-07' })).status).toBe('succeeded');
    release();
    expect((await first).status).toBe('succeeded');
    // the key is free again once the first run ended
    expect((await second.run({ date: '2024-01-06' }, { lockKey: '2024-01-06' })).status).toBe('succeeded');
  });

  it('closes a dead run of the same key as abandoned when a new run takes the key', async () => {
    const id = '33333333-3333-4333-8333-333333333333';
    await store.saveRun({
      id,
      name: 'keyed',
      status: 'running',
      args: {},
      startedAt: new Date(),
      finishedAt: null,
      error: null,
      resumedFromId: null,
      lockKey: '2024-01-08',
      holder: '3@gone',
    });
    const p = new Pipeline({ name: 'keyed', store });
    p.addTask({ name: 'a', run: () => 1 });
    const r = await p.run({}, { lockKey: '2024-01-08' });
    expect(await store.getRun(id)).toMatchObject({
      status: 'abandoned',
      error: containing(`superseded by run ${r.runId}`),
    });
  });
});
