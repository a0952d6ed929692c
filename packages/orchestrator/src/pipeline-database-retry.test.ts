import { required } from '@nba/errors';
import type { PipelineEvent, TaskRetryingEvent } from './events';
import { InMemoryRunStore } from './memory-run-store';
import { Pipeline } from './pipeline';
import type { TaskAttemptRecord } from './run-store';

// Errors in the shape node-postgres gives them (SQLSTATE + severity); @nba/db classifies them.
const adminShutdown = () =>
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' });
const diskFull = () =>
  Object.assign(new Error('could not extend file "base/1/2": No space left on device\nHINT: Check free disk space.'), {
    code: '53100',
    severity: 'ERROR',
  });
const LOST_LINE = 'database connection lost (57P01 terminating connection due to administrator command)';

describe('transient database errors', () => {
  afterEach(() => jest.useRealTimers());

  it('are retried with the database backoff even by a task without retries, and recorded as one line', async () => {
    jest.useFakeTimers({ now: new Date('2024-01-02T00:00:00Z') });
    const events: PipelineEvent[] = [];
    const store = new InMemoryRunStore();
    const p = new Pipeline({
      name: 'db-retry',
      store,
      onEvent: (e) => events.push(e),
      databaseRetry: { retryDelayMs: 1000, maxRetryDelayMs: 3000 },
    });
    p.addTask({
      name: 'train',
      run: ({ attempt }) => {
        if (attempt < 4) throw adminShutdown();
        return 'model';
      },
    });
    const done = p.run(undefined);
    await jest.advanceTimersByTimeAsync(60_000);
    const r = await done;

    expect(r.tasks[0]).toMatchObject({ status: 'succeeded', attempts: 4, result: 'model' });
    const delays = events.filter((e): e is TaskRetryingEvent => e.type === 'task-retrying').map((e) => e.delayMs);
    expect(delays).toHaveLength(3);
    delays.forEach((d, i) => expect(d).toBeGreaterThanOrEqual(Math.min(1000 * 2 ** i, 3000)));
    expect(delays[2]).toBeLessThanOrEqual(3000);
    const rows = required(await store.getRun(r.runId), 'the stored run').tasks;
    expect(rows.map((t) => [t.attempt, t.status, t.error])).toEqual([
      [1, 'failed', LOST_LINE],
      [2, 'failed', LOST_LINE],
      [3, 'failed', LOST_LINE],
      [4, 'succeeded', null],
    ]);
  });

  it("do not spend the task's own retries", async () => {
    const p = new Pipeline({ name: 'db-retry', databaseRetry: { retryDelayMs: 1 } });
    const thrown: string[] = [];
    p.addTask({
      name: 'ingest',
      maxRetries: 1,
      retryDelayMs: 1,
      run: ({ attempt }) => {
        const e = attempt <= 3 ? adminShutdown() : attempt === 4 ? new Error('HTTP 503') : undefined;
        thrown.push(e?.message ?? 'ok');
        if (e) throw e;
        return 'games';
      },
    });
    const r = await p.run(undefined);
    expect(r.tasks[0]).toMatchObject({ status: 'succeeded', attempts: 5 });
  });

  it('fail the task once the database retries are spent, with the one-line reason', async () => {
    const p = new Pipeline({ name: 'db-retry', databaseRetry: { maxRetries: 2, retryDelayMs: 1 } });
    let calls = 0;
    p.addTask({
      name: 'features',
      run: () => {
        calls++;
        throw Object.assign(new Error('\nInvalid `prisma.game.findMany()` invocation:\n\n\nRaw query failed.'), {
          code: 'P2010',
          meta: {
            driverAdapterError: {
              cause: {
                kind: 'postgres',
                code: '57P01',
                severity: 'FATAL',
                message: 'terminating connection due to administrator command',
              },
            },
          },
        });
      },
    });
    const r = await p.run(undefined);
    expect(calls).toBe(3);
    expect(r.tasks[0]).toMatchObject({ status: 'failed', attempts: 3, reason: LOST_LINE });
  });

  it('are not retried with databaseRetry: false; other database errors (disk full) are not retried either, and read as one line', async () => {
    const store = new InMemoryRunStore();
    const p = new Pipeline({ name: 'db-retry', store, databaseRetry: false });
    p.addTask({
      name: 'a',
      run: () => {
        throw adminShutdown();
      },
    });
    p.addTask({
      name: 'b',
      run: () => {
        throw diskFull();
      },
    });
    const r = await p.run(undefined);
    expect(r.tasks.map((t) => [t.status, t.attempts, t.reason])).toEqual([
      ['failed', 1, LOST_LINE],
      ['failed', 1, 'database disk full (53100 could not extend file "base/1/2": No space left on device)'],
    ]);
    const rows = required(await store.getRun(r.runId), 'the stored run').tasks;
    for (const row of rows) expect(row.error).not.toMatch(/\n/);
  });
});

/** A real in-memory store whose writes fail like a restarting database for the first `outage` calls. */
class RestartingStore extends InMemoryRunStore {
  calls = 0;
  constructor(private readonly outage: number) {
    super();
  }
  override async saveAttempt(a: TaskAttemptRecord): Promise<void> {
    if (++this.calls <= this.outage)
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        syscall: 'connect',
        errno: -111,
      });
    await super.saveAttempt(a);
  }
}

describe('store writes while the database is away', () => {
  it('wait for it and keep their order, so the record stays true', async () => {
    const store = new RestartingStore(3);
    const p = new Pipeline({ name: 'db-store', store, databaseRetry: { retryDelayMs: 1 } });
    p.addTask({ name: 'features', run: () => 'f' });
    p.addTask({ name: 'train', dependencies: ['features'], run: () => 't' });
    const r = await p.run(undefined);
    expect(r.status).toBe('succeeded');
    expect(r.storeErrors).toEqual([]);
    expect(store.calls).toBeGreaterThan(3);
    const stored = await store.getRun(r.runId);
    expect(stored?.status).toBe('succeeded');
    expect(stored?.tasks.map((t) => [t.task, t.status])).toEqual([
      ['features', 'succeeded'],
      ['train', 'succeeded'],
    ]);
  });

  it('give up after the retries, listed in storeErrors', async () => {
    const store = new RestartingStore(1000);
    const p = new Pipeline({ name: 'db-store', store, databaseRetry: { maxRetries: 1, retryDelayMs: 1 } });
    p.addTask({ name: 'features', run: () => 'f' });
    const r = await p.run(undefined);
    expect(r.status).toBe('succeeded');
    expect(r.storeErrors).toHaveLength(2);
  });
});
