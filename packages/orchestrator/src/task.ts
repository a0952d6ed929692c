import type { Logger } from '@nba/logging';

/** Results by task name when a pipeline declares no result types: anything, by any name. */
export type UntypedResults = Readonly<Record<string, unknown>>;

/**
 * The results a task receives from its declared dependencies `D`, typed by the pipeline's result
 * map `R` (see `Pipeline`'s second type parameter). Each is optional: a dependency that was
 * skipped, or failed with `continueOnFailure`, has no entry.
 */
export type DependencyResults<R, D extends keyof R> = { readonly [K in D]?: R[K] };

/** What a task's `run` receives. */
export interface TaskRunArgs<C, Deps = UntypedResults> {
  /** The value passed to `pipeline.run(context)`. */
  context: C;
  /**
   * Results of this task's dependencies that succeeded, by task name (a dependency that failed
   * with `continueOnFailure` or was skipped has no entry). After a resume, results of tasks that
   * succeeded earlier come from the store, i.e. as JSON: so results must be JSON values for their
   * type to hold after a resume.
   */
  results: Deps;
  /** Aborted when the attempt times out or the run is cancelled; pass it to I/O calls. */
  signal: AbortSignal;
  /** Child logger with `runId`, `task` and `attempt`. */
  logger: Logger;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Id of the run this attempt belongs to (a resumed run has its own id; its stored `resumedFromId` leads back). */
  runId: string;
}

/** Arguments of `skipIf`: the context and the results of the task's dependencies available so far. */
export interface SkipIfArgs<C, Deps = UntypedResults> {
  context: C;
  results: Deps;
}

/**
 * One node of the pipeline. Only `name` and `run` are required. In a pipeline with a result map
 * (`Pipeline<C, R>`), `name` is a key of `R`, `run` must return `R[name]`, and `results` holds the
 * typed results of the names in `dependencies` (`Deps`, inferred by `addTask`).
 */
export interface TaskDefinition<
  C = unknown,
  R = unknown,
  Deps = UntypedResults,
  N extends string = string,
  D extends string = string,
> {
  /** Unique name within the pipeline; used in logs, events, and the store. */
  name: N;
  /** The work. Its return value is the task's result; keep it JSON so `resume` can feed it on. */
  run: (args: TaskRunArgs<C, Deps>) => R | Promise<R>;
  /** Names of tasks that must finish first. Default none. */
  dependencies?: readonly D[];
  /** Retries after the first failed attempt. Default 0. */
  maxRetries?: number;
  /**
   * Delay before the first retry: retry n waits `round((1 + random) * retryDelayMs * 2^(n-1))` ms
   * (exponential, randomized ×[1, 2), see `backoffDelay`). Default 1000.
   */
  retryDelayMs?: number;
  /** Upper bound of one retry delay. Default unbounded. */
  maxRetryDelayMs?: number;
  /** When the task finally fails, let its dependents run anyway (and do not fail the run). Default false. */
  continueOnFailure?: boolean;
  /**
   * Skip the task when this returns true (or a string, used as the reason). A task skipped this
   * way does not block its dependents; they run without its result.
   */
  skipIf?: (args: SkipIfArgs<C, Deps>) => boolean | string | Promise<boolean | string>;
  /** Time limit of one attempt; exceeding it aborts the attempt's signal and counts as a failed attempt. */
  timeoutMs?: number;
}

/** A task definition with defaults applied. */
export interface ResolvedTask<C> {
  name: string;
  run: (args: TaskRunArgs<C>) => unknown;
  dependencies: readonly string[];
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  continueOnFailure: boolean;
  skipIf?: (args: SkipIfArgs<C>) => boolean | string | Promise<boolean | string>;
  timeoutMs?: number;
}

/** Applies defaults and checks numeric options. */
export function resolveTask<C>(def: TaskDefinition<C, unknown>): ResolvedTask<C> {
  const nonNegative = (value: number | undefined, fallback: number, what: string): number => {
    const v = value ?? fallback;
    if (!(v >= 0))
      throw new RangeError(`task '${def.name}': ${what} must be a non-negative number, got ${String(value)}`);
    return v;
  };
  if (typeof def.name !== 'string' || def.name.length === 0) throw new TypeError('a task needs a non-empty name');
  if (typeof def.run !== 'function') throw new TypeError(`task '${def.name}': run must be a function`);
  const resolved: ResolvedTask<C> = {
    name: def.name,
    run: def.run,
    dependencies: [...new Set(def.dependencies ?? [])],
    maxRetries: Math.floor(nonNegative(def.maxRetries, 0, 'maxRetries')),
    retryDelayMs: nonNegative(def.retryDelayMs, 1000, 'retryDelayMs'),
    maxRetryDelayMs: nonNegative(def.maxRetryDelayMs, Infinity, 'maxRetryDelayMs'),
    continueOnFailure: def.continueOnFailure ?? false,
  };
  if (def.skipIf) resolved.skipIf = def.skipIf;
  if (def.timeoutMs !== undefined) {
    if (!(def.timeoutMs > 0)) throw new RangeError(`task '${def.name}': timeoutMs must be a positive number of ms`);
    resolved.timeoutMs = def.timeoutMs;
  }
  return resolved;
}
