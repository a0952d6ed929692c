import { runAttempt } from './attempt';
import { failureLine } from './database-retry';
import { toJson } from './json';
import { toError } from './orchestrator-error';
import type { TaskOutcome } from './outcome';
import { permanentReason } from './permanent';
import { withRetries } from './retry';
import { cancelReasonOf, type RunScope } from './run-scope';
import type { JsonValue } from './run-store';
import type { ResolvedTask } from './task';

/**
 * Runs one task whose dependencies have finished: evaluates `skipIf`, then attempts `run` with
 * retries, timeout and cancellation, persisting every attempt and emitting progress events.
 * Never rejects; the outcome says what happened.
 */
export async function executeTask<C>(
  task: ResolvedTask<C>,
  scope: RunScope<C>,
  results: Readonly<Record<string, unknown>>,
): Promise<TaskOutcome> {
  const log = scope.logger.child({ task: task.name });
  const base = { name: task.name, continueOnFailure: task.continueOnFailure };

  if (task.skipIf) {
    let skip: boolean | string;
    try {
      skip = await task.skipIf({ context: scope.context, results });
    } catch (thrown) {
      const error = toError(thrown);
      log.error('skipIf threw; task failed', { error: failureLine(error) });
      return { ...base, status: 'failed', attempts: 0, durationMs: 0, error, reason: 'skipIf threw' };
    }
    if (skip !== false && skip !== '') {
      return {
        ...base,
        status: 'skipped',
        attempts: 0,
        durationMs: 0,
        reason: typeof skip === 'string' ? skip : 'skipIf returned true',
      };
    }
  }
  if (scope.signal.aborted) {
    return { ...base, status: 'cancelled', attempts: 0, durationMs: 0, reason: cancelReasonOf(scope.signal) };
  }

  const depResults: Record<string, unknown> = {};
  for (const dep of task.dependencies) if (dep in results) depResults[dep] = results[dep];

  const startedAt = new Date();
  const outcome = await withRetries(
    async (attempt) => {
      const attemptLog = log.child({ attempt });
      const attemptStart = new Date();
      const record = { runId: scope.runId, task: task.name, attempt, startedAt: attemptStart };
      scope.writer.attempt({
        ...record,
        status: 'running',
        finishedAt: null,
        durationMs: null,
        error: null,
        result: null,
      });
      scope.emit({ type: 'task-started', task: task.name, attempt });
      attemptLog.info('task attempt started');
      try {
        const value = await runAttempt(
          (signal) =>
            task.run({
              context: scope.context,
              results: depResults,
              signal,
              logger: attemptLog,
              attempt,
              runId: scope.runId,
            }),
          scope.signal,
          task.timeoutMs,
          `task '${task.name}' attempt ${attempt}`,
        );
        const finishedAt = new Date();
        const durationMs = finishedAt.getTime() - attemptStart.getTime();
        let result: JsonValue = null;
        try {
          result = toJson(value);
        } catch (thrown) {
          attemptLog.warn('task result is not JSON; stored as null (a resume will feed null)', {
            error: toError(thrown).message,
          });
        }
        scope.writer.attempt({ ...record, status: 'succeeded', finishedAt, durationMs, error: null, result });
        attemptLog.info('task attempt succeeded', { durationMs });
        return value;
      } catch (thrown) {
        const error = toError(thrown);
        const finishedAt = new Date();
        const durationMs = finishedAt.getTime() - attemptStart.getTime();
        const status = scope.signal.aborted ? 'cancelled' : 'failed';
        // a database failure is recorded and logged as its one line, not Prisma's multi-line dump
        const line = failureLine(error);
        scope.writer.attempt({ ...record, status, finishedAt, durationMs, error: line, result: null });
        attemptLog.warn(`task attempt ${status}`, { durationMs, error: line });
        throw error;
      }
    },
    {
      maxRetries: task.maxRetries,
      retryDelayMs: task.retryDelayMs,
      maxRetryDelayMs: task.maxRetryDelayMs,
      databaseRetry: scope.databaseRetry,
      signal: scope.signal,
      onRetry: (error, attempt, delayMs, database) => {
        if (database)
          log.warn('task will be retried when the database is back', { attempt, delayMs, error: failureLine(error) });
        else log.info('task will be retried', { attempt, delayMs, error: failureLine(error) });
        scope.emit({ type: 'task-retrying', task: task.name, attempt, error, delayMs });
      },
    },
  );
  const finishedAt = new Date();
  const timing = {
    attempts: outcome.attempts,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
  if (outcome.ok) return { ...base, ...timing, status: 'succeeded', result: outcome.value };
  if (outcome.cancelled)
    return { ...base, ...timing, status: 'cancelled', error: outcome.error, reason: cancelReasonOf(scope.signal) };
  if (outcome.permanent) {
    // Another attempt cannot fix it (and upstream calls may spend paid quota): say why it stopped.
    const reason = permanentReason(outcome.error);
    log.warn('task failed permanently; not retried', {
      attempts: outcome.attempts,
      retriesLeft: task.maxRetries + 1 - outcome.attempts,
      reason,
    });
    return { ...base, ...timing, status: 'failed', error: outcome.error, reason };
  }
  // a database failure's reason is its one line (the CLI and the logs show it instead of the dump)
  const line = failureLine(outcome.error);
  return {
    ...base,
    ...timing,
    status: 'failed',
    error: outcome.error,
    ...(line !== outcome.error.message ? { reason: line } : {}),
  };
}
