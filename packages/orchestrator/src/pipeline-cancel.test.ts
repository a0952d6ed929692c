import type { PipelineEvent } from './events';
import { toError } from './orchestrator-error';
import { Pipeline } from './pipeline';
import { cancelOnSignals } from './signals';

/** A pipeline: `ingest` (instant) -> `train` (waits for its signal) -> `predict`, plus independent `report`. */
function longPipeline(options: { handleSignals?: boolean; onEvent?: (e: PipelineEvent) => void } = {}) {
  const started: string[] = [];
  const trainSignals: AbortSignal[] = [];
  const p = new Pipeline({ name: 'long', concurrency: 1, ...options });
  p.addTask({ name: 'ingest', run: () => void started.push('ingest') });
  p.addTask({
    name: 'train',
    dependencies: ['ingest'],
    maxRetries: 5,
    retryDelayMs: 10,
    run: ({ signal }) => {
      started.push('train');
      trainSignals.push(signal);
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(toError(signal.reason))));
    },
  });
  p.addTask({ name: 'predict', dependencies: ['train'], run: () => void started.push('predict') });
  p.addTask({ name: 'report', run: () => void started.push('report') });
  return { p, started, trainSignals };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('cancellation', () => {
  it('cancel() aborts the running task, starts nothing new, and records the run as cancelled', async () => {
    const { p, started, trainSignals } = longPipeline();
    const done = p.run(undefined);
    while (!started.includes('train')) await tick();
    expect(p.running).toBe(true);
    expect(p.cancel('operator stop')).toBe(true);
    const r = await done;

    expect(trainSignals[0]?.aborted).toBe(true);
    expect(started).toEqual(['ingest', 'train']); // concurrency 1: report was still waiting
    expect(r.status).toBe('cancelled');
    expect(r.cancelReason).toBe('run cancelled: operator stop');
    const by = Object.fromEntries(r.tasks.map((t) => [t.name, t]));
    expect(by.ingest?.status).toBe('succeeded');
    expect(by.train).toMatchObject({ status: 'cancelled', attempts: 1, error: { code: 'CANCELLED' } });
    expect(by.predict).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(by.report).toMatchObject({ status: 'cancelled', attempts: 0, reason: 'run cancelled: operator stop' });
    expect(p.running).toBe(false);
    expect(p.cancel()).toBe(false);

    const stored = await p.store.getRun(r.runId);
    expect(stored).toMatchObject({ status: 'cancelled', error: 'run cancelled: operator stop' });
    expect(stored?.tasks.map((t) => [t.task, t.attempt, t.status])).toEqual([
      ['ingest', 1, 'succeeded'],
      ['predict', 0, 'cancelled'],
      ['report', 0, 'cancelled'],
      ['train', 1, 'cancelled'],
    ]);
  });

  it('cancelling during a retry wait ends the run at once', async () => {
    let attempts = 0;
    const p = new Pipeline({ name: 'waiting' });
    p.addTask({
      name: 'flaky',
      maxRetries: 3,
      retryDelayMs: 60_000,
      run: () => {
        attempts++;
        throw new Error('503');
      },
    });
    const events: string[] = [];
    const done = p.run(undefined, { onEvent: (e) => events.push(e.type) });
    while (!events.includes('task-retrying')) await tick();
    p.cancel('shutdown');
    // the retry waits 60 s: the run ending at all within the test's timeout (5 s) shows the wait was cut short
    const r = await done;
    expect(attempts).toBe(1);
    expect(r.tasks[0]).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(r.status).toBe('cancelled');
  });

  it('an aborted RunOptions.signal cancels the run', async () => {
    const { p, started } = longPipeline();
    const controller = new AbortController();
    const done = p.run(undefined, { signal: controller.signal });
    while (!started.includes('train')) await tick();
    controller.abort();
    expect((await done).status).toBe('cancelled');
  });

  it('handleSignals: SIGTERM cancels the run; listeners exist only while it runs', async () => {
    const before = process.listenerCount('SIGTERM');
    const { p, started } = longPipeline({ handleSignals: true });
    const done = p.run(undefined);
    while (!started.includes('train')) await tick();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBeGreaterThan(0);
    process.emit('SIGTERM');
    const r = await done;
    expect(r.status).toBe('cancelled');
    expect(r.cancelReason).toBe('run cancelled: received SIGTERM');
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('cancelOnSignals installs SIGTERM/SIGINT listeners and removes them', async () => {
    const counts = () => [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    const before = counts();
    const { p, started } = longPipeline();
    const remove = cancelOnSignals(p);
    expect(counts()).toEqual(before.map((n) => n + 1));
    const done = p.run(undefined);
    while (!started.includes('train')) await tick();
    process.emit('SIGINT');
    expect((await done).cancelReason).toBe('run cancelled: received SIGINT');
    remove();
    remove();
    expect(counts()).toEqual(before);
  });
});
