import type { Logger } from '@nba/logging';

/** What a task's `run` receives. */
export interface TaskRunArgs<C> {
  /** The value passed to `pipeline.run(context)`. */
  context: C;
  /**
   * Results of this task's dependencies that succeeded, by task name (a dependency that failed
   * with `continueOnFailure` or was skipped has no entry). After a resume, results of tasks that
   * succeeded earlier come from the store, i.e. as JSON.
   */
  results: Readonly<Record<string, unknown>>;
  /** Aborted when the attempt times out or the run is cancelled; pass it to I/O calls. */
  signal: AbortSignal;
  /** Child logger with `runId`, `task` and `attempt`. */
  logger: Logger;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Id of the run this attempt belongs to (a resumed run has its own id; its stored `resumedFromId` leads back). */
  runId: string;
}

/** Arguments of `skipIf`: the context and every result available so far. */
export interface SkipIfArgs<C> {
  context: C;
  results: Readonly<Record<string, unknown>>;
}

/** One node of the pipeline. Only `name` and `run` are required. */
export interface TaskDefinition<C = unknown, R = unknown> {
  /** Unique name within the pipeline; used in logs, events, and the store. */
  name: string;
  /** The work. Its return value is the task's result; keep it JSON so `resume` can feed it on. */
  run: (args: TaskRunArgs<C>) => R | Promise<R>;
  /** Names of tasks that must finish first. Default none. */
  dependencies?: readonly string[];
  /** Retries after the first failed attempt. Default 0. */
  maxRetries?: number;
  /** Base delay in ms before the first retry; doubles each retry, randomized ×[1, 2). Default 1000. */
  retryDelay?: number;
  /** Upper bound of one retry delay in ms. Default unbounded. */
  maxRetryDelay?: number;
  /** When the task finally fails, let its dependents run anyway (and do not fail the run). Default false. */
  continueOnFailure?: boolean;
  /**
   * Skip the task when this returns true (or a string, used as the reason). A task skipped this
   * way does not block its dependents; they run without its result.
   */
  skipIf?: (args: SkipIfArgs<C>) => boolean | string | Promise<boolean | string>;
  /** Time limit of one attempt in ms; exceeding it aborts the attempt's signal and counts as a failed attempt. */
  timeout?: number;
}

/** A task definition with defaults applied. */
export interface ResolvedTask<C> {
  name: string;
  run: (args: TaskRunArgs<C>) => unknown;
  dependencies: readonly string[];
  maxRetries: number;
  retryDelay: number;
  maxRetryDelay: number;
  continueOnFailure: boolean;
  skipIf?: TaskDefinition<C>['skipIf'];
  timeout?: number;
}

/** Applies defaults and checks numeric options. */
export function resolveTask<C>(def: TaskDefinition<C, unknown>): ResolvedTask<C> {
  const nonNegative = (value: number | undefined, fallback: number, what: string): number => {
    const v = value ?? fallback;
    if (!(v >= 0)) throw new RangeError(`task '${def.name}': ${what} must be a non-negative number, got ${String(value)}`);
    return v;
  };
  if (typeof def.name !== 'string' || def.name.length === 0) throw new TypeError('a task needs a non-empty name');
  if (typeof def.run !== 'function') throw new TypeError(`task '${def.name}': run must be a function`);
  const resolved: ResolvedTask<C> = {
    name: def.name,
    run: def.run,
    dependencies: [...new Set(def.dependencies ?? [])],
    maxRetries: Math.floor(nonNegative(def.maxRetries, 0, 'maxRetries')),
    retryDelay: nonNegative(def.retryDelay, 1000, 'retryDelay'),
    maxRetryDelay: nonNegative(def.maxRetryDelay, Infinity, 'maxRetryDelay'),
    continueOnFailure: def.continueOnFailure ?? false,
  };
  if (def.skipIf) resolved.skipIf = def.skipIf;
  if (def.timeout !== undefined) {
    if (!(def.timeout > 0)) throw new RangeError(`task '${def.name}': timeout must be a positive number of ms`);
    resolved.timeout = def.timeout;
  }
  return resolved;
}
