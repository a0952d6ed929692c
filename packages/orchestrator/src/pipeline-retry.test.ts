import { required } from '@nba/errors';
import type { PipelineEvent, TaskRetryingEvent } from './events';
import { toError } from './orchestrator-error';
import { Pipeline } from './pipeline';

describe('retries and timeouts', () => {
  afterEach(() => jest.useRealTimers());

  it('retries with exponential, randomized backoff from retryDelayMs (fake timers)', async () => {
    jest.useFakeTimers({ now: new Date('2024-01-02T00:00:00Z') });
    const attemptTimes: number[] = [];
    const events: PipelineEvent[] = [];
    const p = new Pipeline({ name: 'retry', onEvent: (e) => events.push(e) });
    p.addTask({
      name: 'fetch',
      maxRetries: 3,
      retryDelayMs: 1000,
      run: ({ attempt }) => {
        attemptTimes.push(Date.now());
        if (attempt < 4) throw new Error(`HTTP 503 (attempt ${attempt})`);
        return 'data';
      },
    });
    const done = p.run(undefined);
    await jest.advanceTimersByTimeAsync(60_000);
    const r = await done;

    expect(r.tasks[0]).toMatchObject({ status: 'succeeded', attempts: 4, result: 'data' });
    const startOf = (i: number): number => required(attemptTimes[i], `the start of attempt ${i + 1}`);
    const gaps = attemptTimes.slice(1).map((t, i) => t - startOf(i));
    const retrying = events.filter((e): e is TaskRetryingEvent => e.type === 'task-retrying');
    expect(retrying.map((e) => [e.attempt, e.error.message])).toEqual([
      [1, 'HTTP 503 (attempt 1)'],
      [2, 'HTTP 503 (attempt 2)'],
      [3, 'HTTP 503 (attempt 3)'],
    ]);
    // The announced delay is the one actually waited (within a timer tick), and it lies in
    // [base * 2^(n-1), base * 2^n].
    gaps.forEach((gap, i) => {
      const delay = required(retrying[i], `retry event ${i + 1}`).delayMs;
      expect(gap - delay).toBeGreaterThanOrEqual(0);
      expect(gap - delay).toBeLessThanOrEqual(1);
      expect(delay).toBeGreaterThanOrEqual(1000 * 2 ** i);
      expect(delay).toBeLessThanOrEqual(1000 * 2 ** (i + 1));
    });
    expect(r.tasks[0]?.durationMs).toBe(startOf(3) - startOf(0));
  });

  it('fails with the last error after maxRetries, retrying every kind of error', async () => {
    let calls = 0;
    const p = new Pipeline({ name: 'give-up' });
    p.addTask({
      name: 'parse',
      maxRetries: 2,
      retryDelayMs: 1,
      run: () => {
        calls++;
        // A task's TypeError is retried like any error (p-retry on its own would give up at once).
        throw calls === 3 ? new TypeError('last') : new Error(`e${calls}`);
      },
    });
    const r = await p.run(undefined);
    expect(calls).toBe(3);
    expect(r.tasks[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(r.tasks[0]?.error).toBeInstanceOf(TypeError);
    expect(r.tasks[0]?.error?.message).toBe('last');
    expect(r.failedRequired).toEqual(['parse']);
  });

  it('turns a thrown non-error into an Error', async () => {
    const p = new Pipeline({ name: 'odd-throw' });
    p.addTask({
      name: 't',
      run: () => {
        const plain: unknown = 'plain string'; // a task may throw anything
        throw plain;
      },
    });
    const r = await p.run(undefined);
    expect(r.tasks[0]?.error?.message).toBe('plain string');
  });

  it('aborts an attempt that exceeds its timeout, counts it as a failure, and retries', async () => {
    const signals: AbortSignal[] = [];
    const p = new Pipeline({ name: 'slow' });
    p.addTask({
      name: 'slow',
      timeoutMs: 30,
      maxRetries: 1,
      retryDelayMs: 1,
      run: ({ signal, attempt }) => {
        signals.push(signal);
        if (attempt === 2) return 'fast now';
        return new Promise(() => undefined); // ignores its signal: the attempt still ends at the timeout
      },
    });
    const r = await p.run(undefined);
    expect(r.tasks[0]).toMatchObject({ status: 'succeeded', attempts: 2, result: 'fast now' });
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toMatchObject({
      code: 'TIMEOUT',
      message: "task 'slow' attempt 1 timed out after 30 ms",
    });
    expect(signals[1]?.aborted).toBe(false);

    const stored = await p.store.getRun(r.runId);
    expect(stored?.tasks.map((t) => [t.attempt, t.status, t.error])).toEqual([
      [1, 'failed', "task 'slow' attempt 1 timed out after 30 ms"],
      [2, 'succeeded', null],
    ]);
  });

  it('reports TIMEOUT as the error when every attempt times out', async () => {
    const p = new Pipeline({ name: 'always-slow' });
    p.addTask({
      name: 't',
      timeoutMs: 10,
      run: ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(toError(signal.reason)))),
    });
    const r = await p.run(undefined);
    expect(r.tasks[0]?.error).toMatchObject({ name: 'OrchestratorError', code: 'TIMEOUT' });
  });
});
