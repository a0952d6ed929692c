import { required } from '@nba/errors';
import { failureLine } from './database-retry';
import type { TaskOutcome, RunResult } from './outcome';
import { cancelReasonOf, type RunScope } from './run-scope';
import type { JsonValue } from './run-store';
import type { ResolvedTask } from './task';
import { executeTask } from './task-runner';

/** A task result carried over from an earlier run (resume). */
export interface ReusedResult {
  result: unknown;
  runId: string;
}

export interface ExecutionInput<C> {
  name: string;
  /** Tasks in the order they were added; the graph has been validated. */
  tasks: readonly ResolvedTask<C>[];
  concurrency: number;
  args: JsonValue;
  resumedFromId: string | null;
  reused: ReadonlyMap<string, ReusedResult>;
  lockKey: string | null;
  holder: string;
}

/**
 * Runs the validated task graph once: starts every task whose dependencies have finished, up to
 * `concurrency` at a time, in the order tasks were added; skips dependents of required failures;
 * marks what never started as cancelled when the run is cancelled. Resolves with the RunResult
 * after the store has received every write.
 */
export async function execute<C>(input: ExecutionInput<C>, scope: RunScope<C>): Promise<RunResult> {
  const startedAt = new Date();
  const outcomes = new Map<string, TaskOutcome>();
  const results: Record<string, unknown> = {};
  /** Tasks skipped because a dependency failed or was itself skipped this way: they block dependents. */
  const blocked = new Set<string>();
  const pending = input.tasks.filter((t) => !input.reused.has(t.name));
  let running = 0;

  scope.writer.run({
    id: scope.runId,
    name: input.name,
    status: 'running',
    args: input.args,
    startedAt,
    finishedAt: null,
    error: null,
    resumedFromId: input.resumedFromId,
    lockKey: input.lockKey,
    holder: input.holder,
  });
  scope.emit({
    type: 'run-started',
    name: input.name,
    tasks: input.tasks.map((t) => t.name),
    ...(input.resumedFromId ? { resumedFromId: input.resumedFromId } : {}),
  });
  scope.logger.info('pipeline run started', { tasks: input.tasks.length, resumedFromId: input.resumedFromId });
  // The run's row exists before any task starts: tasks may write rows that refer to the run.
  await scope.writer.flush();

  for (const task of input.tasks) {
    const reused = input.reused.get(task.name);
    if (!reused) continue;
    results[task.name] = reused.result;
    outcomes.set(task.name, {
      name: task.name,
      status: 'succeeded',
      attempts: 0,
      durationMs: 0,
      result: reused.result,
      continueOnFailure: task.continueOnFailure,
      reusedFromRunId: reused.runId,
    });
    scope.emit({ type: 'task-succeeded', task: task.name, attempts: 0, durationMs: 0, reusedFromRunId: reused.runId });
  }

  /** Records a task that never ran an attempt (attempt 0 row) and emits its event. */
  const settleWithoutRunning = (task: ResolvedTask<C>, status: 'skipped' | 'cancelled', reason: string): void => {
    outcomes.set(task.name, {
      name: task.name,
      status,
      attempts: 0,
      durationMs: 0,
      reason,
      continueOnFailure: task.continueOnFailure,
    });
    const now = new Date();
    scope.writer.attempt({
      runId: scope.runId,
      task: task.name,
      attempt: 0,
      status,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      error: reason,
      result: null,
    });
    scope.emit({ type: status === 'skipped' ? 'task-skipped' : 'task-cancelled', task: task.name, reason });
    scope.logger.child({ task: task.name }).info(`task ${status}`, { reason });
  };

  /** Why a task cannot run given its finished dependencies, or undefined when it can. */
  const blocker = (task: ResolvedTask<C>): { status: 'skipped' | 'cancelled'; reason: string } | undefined => {
    for (const dep of task.dependencies) {
      const o = outcomes.get(dep);
      if (o?.status === 'cancelled') return { status: 'cancelled', reason: `dependency '${dep}' was cancelled` };
      if (o?.status === 'failed' && !o.continueOnFailure)
        return { status: 'skipped', reason: `dependency '${dep}' failed` };
      if (blocked.has(dep))
        return { status: 'skipped', reason: `dependency '${dep}' was skipped (${o?.reason ?? ''})` };
    }
    return undefined;
  };

  return new Promise<RunResult>((resolve) => {
    let done = false;
    const onSettled = (task: ResolvedTask<C>, outcome: TaskOutcome): void => {
      running--;
      outcomes.set(task.name, outcome);
      if (outcome.status === 'succeeded') results[task.name] = outcome.result;
      report(task, outcome, scope);
      pump();
    };
    const pump = (): void => {
      if (done) return;
      for (let progressed = true; progressed;) {
        progressed = false;
        for (const task of [...pending]) {
          if (!task.dependencies.every((d) => outcomes.has(d))) continue;
          const remove = (): void => void pending.splice(pending.indexOf(task), 1);
          const b = scope.signal.aborted
            ? { status: 'cancelled' as const, reason: cancelReasonOf(scope.signal) }
            : blocker(task);
          if (b) {
            remove();
            if (b.status === 'skipped') blocked.add(task.name);
            settleWithoutRunning(task, b.status, b.reason);
            progressed = true;
          } else if (running < input.concurrency) {
            remove();
            running++;
            void executeTask(task, scope, { ...results }).then((o) => onSettled(task, o));
            progressed = true;
          }
        }
      }
      if (running === 0 && pending.length === 0) {
        done = true;
        scope.signal.removeEventListener('abort', pump);
        void finish(input, scope, startedAt, outcomes, results).then(resolve);
      }
    };
    scope.signal.addEventListener('abort', pump);
    pump();
  });
}

/** Persists and logs a finished task (attempt rows were written by executeTask). */
function report<C>(task: ResolvedTask<C>, o: TaskOutcome, scope: RunScope<C>): void {
  const common = { task: task.name, attempts: o.attempts, durationMs: o.durationMs };
  if (o.status === 'succeeded') scope.emit({ type: 'task-succeeded', ...common });
  else if (o.status === 'failed')
    scope.emit({
      type: 'task-failed',
      ...common,
      error: required(o.error, `the error of failed task '${task.name}'`),
      continueOnFailure: o.continueOnFailure,
    });
  else if (o.status === 'cancelled')
    scope.emit({ type: 'task-cancelled', task: task.name, reason: o.reason ?? 'cancelled' });
  else scope.emit({ type: 'task-skipped', task: task.name, reason: o.reason ?? 'skipped' });
  if (o.status === 'skipped' || (o.attempts === 0 && o.status !== 'succeeded')) {
    // skipIf decided (or threw) before any attempt: record it as attempt 0.
    const now = new Date();
    scope.writer.attempt({
      runId: scope.runId,
      task: task.name,
      attempt: 0,
      status: o.status,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      error: o.error ? failureLine(o.error) : (o.reason ?? null),
      result: null,
    });
  }
  const log = scope.logger.child({ task: task.name });
  if (o.status === 'failed')
    log.error('task failed', {
      ...common,
      error: o.error ? failureLine(o.error) : undefined,
      continueOnFailure: o.continueOnFailure,
    });
  else log.info(`task ${o.status}`, { ...common, ...(o.reason ? { reason: o.reason } : {}) });
}

async function finish<C>(
  input: ExecutionInput<C>,
  scope: RunScope<C>,
  startedAt: Date,
  outcomes: Map<string, TaskOutcome>,
  results: Record<string, unknown>,
): Promise<RunResult> {
  const tasks = input.tasks.map((t) => required(outcomes.get(t.name), `the outcome of task '${t.name}'`));
  const failed = tasks.filter((t) => t.status === 'failed');
  const failedRequired = failed.filter((t) => !t.continueOnFailure).map((t) => t.name);
  const failedOptional = failed.filter((t) => t.continueOnFailure).map((t) => t.name);
  const cancelled = tasks.some((t) => t.status === 'cancelled');
  const status = cancelled ? 'cancelled' : failedRequired.length > 0 ? 'failed' : 'succeeded';
  const cancelReason = cancelled ? cancelReasonOf(scope.signal) : undefined;
  const error =
    cancelReason ?? (failedRequired.length > 0 ? `required tasks failed: ${failedRequired.join(', ')}` : null);
  const finishedAt = new Date();
  scope.writer.run({
    id: scope.runId,
    name: input.name,
    status,
    args: input.args,
    startedAt,
    finishedAt,
    error,
    resumedFromId: input.resumedFromId,
    lockKey: input.lockKey,
    holder: input.holder,
  });
  await scope.writer.flush();
  const result: RunResult = {
    runId: scope.runId,
    name: input.name,
    status,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    tasks,
    results,
    failedRequired,
    failedOptional,
    storeErrors: [...scope.writer.errors],
    ...(input.resumedFromId ? { resumedFromId: input.resumedFromId } : {}),
    ...(cancelReason !== undefined ? { cancelReason } : {}),
  };
  scope.logger[status === 'succeeded' ? 'info' : 'warn']('pipeline run finished', {
    status,
    durationMs: result.durationMs,
    failedRequired,
    failedOptional,
  });
  scope.emit({ type: 'run-finished', result });
  return result;
}
