import { PassThrough } from 'node:stream';
import { createLogger } from '@nba/logging';
import type { PipelineEvent } from './events';
import { InMemoryRunStore } from './memory-run-store';
import { OrchestratorError } from './orchestrator-error';
import { Pipeline } from './pipeline';

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Pipeline.run', () => {
  it('runs dependencies first and hands each task the results of its dependencies', async () => {
    const order: string[] = [];
    const seen: Record<string, unknown> = {};
    const p = new Pipeline<{ day: string }>({ name: 'nightly' });
    p.addTask({
      name: 'predict',
      dependencies: ['train', 'odds'],
      run: ({ results, context }) => {
        order.push('predict');
        seen.predict = results;
        return `${context.day}:${String(results.train)}`;
      },
    });
    p.addTask({
      name: 'ingest',
      run: () => {
        order.push('ingest');
        return Promise.resolve(42);
      },
    });
    p.addTask({ name: 'odds', run: () => (order.push('odds'), { lines: 3 }) });
    p.addTask({
      name: 'train',
      dependencies: ['ingest'],
      run: ({ results }) => {
        order.push('train');
        seen.train = results;
        return 'model-1';
      },
    });
    const result = await p.run({ day: '2024-01-02' });
    expect(order.indexOf('train')).toBeGreaterThan(order.indexOf('ingest'));
    expect(order.at(-1)).toBe('predict');
    expect(seen.train).toEqual({ ingest: 42 });
    expect(seen.predict).toEqual({ train: 'model-1', odds: { lines: 3 } });
    expect(result.status).toBe('succeeded');
    expect(result.results.predict).toBe('2024-01-02:model-1');
    expect(result.tasks.map((t) => [t.name, t.status, t.attempts])).toEqual([
      ['predict', 'succeeded', 1],
      ['ingest', 'succeeded', 1],
      ['odds', 'succeeded', 1],
      ['train', 'succeeded', 1],
    ]);
    expect(result.failedRequired).toEqual([]);
  });

  it('never runs more tasks at once than the concurrency limit, and does run them in parallel', async () => {
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 6 }, () => deferred());
    const p = new Pipeline({ name: 'wide', concurrency: 2 });
    gates.forEach((gate, i) =>
      p.addTask({
        name: `t${i}`,
        run: async () => {
          running++;
          peak = Math.max(peak, running);
          await gate.promise;
          running--;
        },
      }),
    );
    const done = p.run(undefined);
    for (const gate of gates) {
      await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(2);
      gate.resolve();
    }
    expect((await done).status).toBe('succeeded');
    expect(peak).toBe(2);
  });

  it('rejects unknown dependencies and cycles before running anything', async () => {
    const ran: string[] = [];
    const p = new Pipeline({ name: 'bad' });
    p.addTask({ name: 'ingest', run: () => void ran.push('ingest') });
    p.addTask({ name: 'train', dependencies: ['ingets'], run: () => void ran.push('train') });
    await expect(p.run(undefined)).rejects.toMatchObject({
      code: 'UNKNOWN_DEPENDENCY',
      message: "task 'train' depends on unknown task 'ingets'",
    });
    const c = new Pipeline({ name: 'cyclic' });
    c.addTask({ name: 'a', dependencies: ['c'], run: () => void ran.push('a') });
    c.addTask({ name: 'b', dependencies: ['a'], run: () => void ran.push('b') });
    c.addTask({ name: 'c', dependencies: ['b'], run: () => void ran.push('c') });
    await expect(c.run(undefined)).rejects.toMatchObject({
      code: 'CYCLE',
      message: 'dependency cycle: a -> c -> b -> a',
    });
    expect(ran).toEqual([]);
    expect(await (c.store as InMemoryRunStore).listRuns()).toEqual([]);
  });

  it('rejects a duplicate task name', () => {
    const p = new Pipeline({ name: 'dup' });
    p.addTask({ name: 'a', run: () => 1 });
    let thrown: unknown;
    try {
      p.addTask({ name: 'a', run: () => 2 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OrchestratorError);
    expect(thrown).toMatchObject({ code: 'DUPLICATE_TASK', message: "task 'a' is already defined in pipeline 'dup'" });
  });

  it('skips dependents of a required failure (transitively) and fails the run', async () => {
    const ran: string[] = [];
    const p = new Pipeline({ name: 'fail' });
    p.addTask({ name: 'ingest', run: () => Promise.reject(new Error('upstream 503')) });
    p.addTask({ name: 'train', dependencies: ['ingest'], run: () => void ran.push('train') });
    p.addTask({ name: 'predict', dependencies: ['train'], run: () => void ran.push('predict') });
    p.addTask({ name: 'report', run: () => void ran.push('report') });
    const r = await p.run(undefined);
    expect(ran).toEqual(['report']);
    expect(r.status).toBe('failed');
    expect(r.failedRequired).toEqual(['ingest']);
    const by = Object.fromEntries(r.tasks.map((t) => [t.name, t]));
    expect(by.ingest).toMatchObject({ status: 'failed', attempts: 1, error: new Error('upstream 503') });
    expect(by.train).toMatchObject({ status: 'skipped', reason: "dependency 'ingest' failed", attempts: 0 });
    expect(by.predict).toMatchObject({
      status: 'skipped',
      reason: "dependency 'train' was skipped (dependency 'ingest' failed)",
    });
    expect(by.report?.status).toBe('succeeded');
  });

  it('lets dependents of a continueOnFailure task run, and the run succeed', async () => {
    let predictSaw: unknown;
    const p = new Pipeline({ name: 'optional' });
    p.addTask({
      name: 'odds',
      continueOnFailure: true,
      run: () => {
        throw new Error('quota');
      },
    });
    p.addTask({ name: 'games', run: () => 'g' });
    p.addTask({ name: 'predict', dependencies: ['odds', 'games'], run: ({ results }) => void (predictSaw = results) });
    const r = await p.run(undefined);
    expect(predictSaw).toEqual({ games: 'g' });
    expect(r.status).toBe('succeeded');
    expect(r.failedRequired).toEqual([]);
    expect(r.failedOptional).toEqual(['odds']);
  });

  it('skipIf sees the context and earlier results; a skipped task does not block its dependents', async () => {
    const skipArgs: unknown[] = [];
    const p = new Pipeline<{ skipTrain: boolean }>({ name: 'skips' });
    p.addTask({ name: 'ingest', run: () => 7 });
    p.addTask({
      name: 'train',
      dependencies: ['ingest'],
      skipIf: (args) => (skipArgs.push(args), args.context.skipTrain && '--skip-train'),
      run: () => 'new-model',
    });
    p.addTask({ name: 'odds', skipIf: () => true, run: () => 'odds' });
    p.addTask({ name: 'predict', dependencies: ['train', 'odds'], run: ({ results }) => ({ ...results }) });
    const r = await p.run({ skipTrain: true });
    expect(skipArgs).toEqual([{ context: { skipTrain: true }, results: { ingest: 7 } }]);
    const by = Object.fromEntries(r.tasks.map((t) => [t.name, t]));
    expect(by.train).toMatchObject({ status: 'skipped', reason: '--skip-train', attempts: 0 });
    expect(by.odds).toMatchObject({ status: 'skipped', reason: 'skipIf returned true' });
    expect(by.predict).toMatchObject({ status: 'succeeded', result: {} });
    expect(r.status).toBe('succeeded');
    const again = await p.run({ skipTrain: false });
    expect(again.results.predict).toEqual({ train: 'new-model' });
  });

  it('emits progress events in order and logs per task with runId and task', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new PassThrough();
    stream.on('data', (b: Buffer) =>
      b
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
    );
    const events: PipelineEvent[] = [];
    const p = new Pipeline({
      name: 'ev',
      logger: createLogger({ service: 'test', stream }),
      onEvent: (e) => events.push(e),
    });
    p.addTask({ name: 'a', run: () => 1 });
    p.addTask({
      name: 'b',
      dependencies: ['a'],
      run: () => {
        throw new Error('boom');
      },
    });
    p.addTask({ name: 'c', dependencies: ['b'], run: () => 3 });
    const r = await p.run(undefined, {
      onEvent: () => {
        throw new Error('listener bug is ignored');
      },
    });
    expect(events.map((e) => `${e.type}${'task' in e ? `:${e.task}` : ''}`)).toEqual([
      'run-started',
      'task-started:a',
      'task-succeeded:a',
      'task-started:b',
      'task-failed:b',
      'task-skipped:c',
      'run-finished',
    ]);
    expect(events.every((e) => e.runId === r.runId)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', result: { status: 'failed', failedRequired: ['b'] } });
    await new Promise((res) => setImmediate(res));
    const failedLine = lines.find((l) => l.message === 'task failed');
    expect(failedLine).toMatchObject({ runId: r.runId, pipeline: 'ev', task: 'b', error: 'boom', level: 'error' });
    expect(lines.find((l) => l.message === 'task attempt started' && l.task === 'a')).toMatchObject({
      runId: r.runId,
      attempt: 1,
    });
  });

  it('persists the run, every attempt, and attempt-0 rows for skipped tasks (in-memory store)', async () => {
    const store = new InMemoryRunStore();
    const p = new Pipeline({ name: 'persist', store });
    p.addTask({
      name: 'a',
      maxRetries: 1,
      retryDelayMs: 1,
      run: ({ attempt }) => {
        if (attempt === 1) throw new Error('flaky');
        return { ok: true };
      },
    });
    p.addTask({ name: 'b', dependencies: ['a'], skipIf: () => 'not today', run: () => 0 });
    const r = await p.run({ date: '2024-01-02' });
    const stored = await store.getRun(r.runId);
    expect(stored).toMatchObject({
      name: 'persist',
      status: 'succeeded',
      args: { date: '2024-01-02' },
      error: null,
      resumedFromId: null,
    });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    expect(stored?.tasks.map((t) => [t.task, t.attempt, t.status, t.error, t.result])).toEqual([
      ['a', 1, 'failed', 'flaky', null],
      ['a', 2, 'succeeded', null, { ok: true }],
      ['b', 0, 'skipped', 'not today', null],
    ]);
    expect(stored?.tasks.every((t) => t.durationMs !== null && t.durationMs >= 0)).toBe(true);
  });
});
