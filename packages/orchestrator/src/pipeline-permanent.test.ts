import { required } from '@nba/errors';
import type { Logger } from '@nba/logging';
import type { PipelineEvent, TaskFailedEvent } from './events';
import { isPermanent, permanent } from './permanent';
import { Pipeline } from './pipeline';

/** An error shaped like @nba/ingestion's, which the orchestrator knows only by its properties. */
class UpstreamError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

interface Line {
  level: string;
  message: string;
  meta: Record<string, unknown>;
}
function captureLogger(lines: Line[], context: Record<string, unknown> = {}): Logger {
  const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    lines.push({ level, message, meta: { ...context, ...meta } });
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: (c) => captureLogger(lines, { ...context, ...c }),
  };
}

/** Runs one task with two retries that throws `error` every time; returns what happened. */
async function runFailing(error: () => unknown) {
  const lines: Line[] = [];
  const events: PipelineEvent[] = [];
  let calls = 0;
  const p = new Pipeline({ name: 'permanent', logger: captureLogger(lines), onEvent: (e) => events.push(e) });
  p.addTask({
    name: 'ingest',
    maxRetries: 2,
    retryDelayMs: 1,
    run: () => {
      calls++;
      throw error();
    },
  });
  const result = await p.run(undefined);
  return { result, calls, lines, events, outcome: required(result.tasks[0], 'the outcome of ingest') };
}

describe('permanent failures', () => {
  it('does not retry an error whose retryable is false, and says why in the log and the outcome', async () => {
    const { result, calls, lines, events, outcome } = await runFailing(
      () => new UpstreamError('UNAUTHORIZED', 'api-basketball /games: API key rejected', false),
    );
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: 'permanent failure (UNAUTHORIZED), not retried: api-basketball /games: API key rejected',
    });
    expect(result.failedRequired).toEqual(['ingest']);
    expect(lines.find((l) => l.message === 'task failed permanently; not retried')).toMatchObject({
      level: 'warn',
      meta: { task: 'ingest', attempts: 1, retriesLeft: 2, reason: outcome.reason },
    });
    expect(events.some((e) => e.type === 'task-retrying')).toBe(false);
    const failed = required(
      events.find((e): e is TaskFailedEvent => e.type === 'task-failed'),
      'the task-failed event',
    );
    expect(failed.attempts).toBe(1);
    expect(isPermanent(failed.error)).toBe(true);
  });

  it('retries an error whose retryable is true, or that says nothing', async () => {
    for (const error of [() => new UpstreamError('UPSTREAM_ERROR', 'HTTP 503', true), () => new Error('HTTP 503')]) {
      const { calls, outcome, lines } = await runFailing(error);
      expect(calls).toBe(3);
      expect(outcome).toMatchObject({ status: 'failed', attempts: 3 });
      expect(outcome.reason).toBeUndefined();
      expect(lines.some((l) => /permanently/.test(l.message))).toBe(false);
    }
  });

  it('lets a task say "permanent" with permanent(), keeping the error itself', async () => {
    const original = new RangeError('--games /missing.csv: no such file');
    const { calls, outcome } = await runFailing(() => permanent(original));
    expect(calls).toBe(1);
    expect(outcome.error).toBe(original);
    expect(outcome.reason).toBe('permanent failure, not retried: --games /missing.csv: no such file');
  });

  it('finds retryable in the cause chain; the outermost answer wins', async () => {
    const inner = new UpstreamError('QUOTA_EXCEEDED', 'quota reached', false);
    expect((await runFailing(() => new Error('ingest failed', { cause: inner }))).calls).toBe(1);
    expect(
      (await runFailing(() => Object.assign(new Error('retry me', { cause: inner }), { retryable: true }))).calls,
    ).toBe(3);
  });

  it('marks thrown strings and frozen errors too', () => {
    expect(isPermanent(permanent('plain string'))).toBe(true);
    expect(permanent('plain string').message).toBe('plain string');
    const frozen = Object.freeze(new Error('frozen'));
    const marked = permanent(frozen);
    expect(isPermanent(marked)).toBe(true);
    expect(marked.cause).toBe(frozen);
    expect(isPermanent(undefined)).toBe(false);
    expect(isPermanent({ retryable: 'no' })).toBe(false);
  });
});
