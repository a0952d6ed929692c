import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '@nba/logging';
import type { PipelineEvent, PipelineEventListener } from './events';
import { execute, type ReusedResult } from './execution';
import { validateGraph } from './graph';
import { isJsonValue } from './json';
import { InMemoryRunStore } from './memory-run-store';
import { OrchestratorError, toError } from './orchestrator-error';
import type { RunResult } from './outcome';
import { planResume } from './resume-plan';
import type { EventInput, RunScope } from './run-scope';
import type { JsonValue, RunStore } from './run-store';
import { cancelOnSignals } from './signals';
import { StoreWriter } from './store-writer';
import { resolveTask, type ResolvedTask, type TaskDefinition } from './task';

export interface PipelineOptions {
  /** Name stored on every run; `resume` only accepts runs of the same name. */
  name: string;
  /** Most tasks running at once. Default 4. */
  concurrency?: number;
  /** Parent logger; each run logs through `child({ runId, pipeline })`, each task adds `task`. Default silent. */
  logger?: Logger;
  /** Where runs and attempts are persisted. Default a new InMemoryRunStore. */
  store?: RunStore;
  /** Progress events of every run of this pipeline. */
  onEvent?: PipelineEventListener;
  /** Cancel on SIGTERM/SIGINT while a run is in progress (listeners removed afterwards). Default false. */
  handleSignals?: boolean;
}

export interface RunOptions {
  /** JSON stored as the run's `args`. Default: the context if it is plain JSON, else `{}`. */
  args?: JsonValue;
  /** Progress events of this run only (in addition to the pipeline's `onEvent`). */
  onEvent?: PipelineEventListener;
  /** Cancels the run when aborted, like `pipeline.cancel()`. */
  signal?: AbortSignal;
}

export interface ResumeOptions extends RunOptions {
  /** Resume a run still marked `running` (its process died without recording the end). */
  force?: boolean;
}

/**
 * A DAG of tasks run with dependencies, bounded concurrency, retries with exponential backoff,
 * continue-on-failure, conditional skips, timeouts, cancellation, and persisted runs.
 */
export class Pipeline<C = unknown> {
  readonly name: string;
  readonly store: RunStore;
  private readonly concurrency: number;
  private readonly logger: Logger;
  private readonly options: PipelineOptions;
  private readonly tasks: ResolvedTask<C>[] = [];
  private readonly active = new Set<AbortController>();

  constructor(options: PipelineOptions) {
    const concurrency = options.concurrency ?? 4;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
      throw new RangeError(`concurrency must be a positive integer, got ${String(options.concurrency)}`);
    }
    this.name = options.name;
    this.concurrency = concurrency;
    this.logger = options.logger ?? silentLogger();
    this.store = options.store ?? new InMemoryRunStore();
    this.options = options;
  }

  /** Adds a task (dependencies may be added later; they are checked when the pipeline runs). Throws DUPLICATE_TASK. */
  addTask<R>(definition: TaskDefinition<C, R>): this {
    if (this.tasks.some((t) => t.name === definition.name)) {
      throw new OrchestratorError('DUPLICATE_TASK', `task '${definition.name}' is already defined in pipeline '${this.name}'`);
    }
    this.tasks.push(resolveTask(definition as TaskDefinition<C, unknown>));
    return this;
  }

  /** Task names in the order they were added. */
  get taskNames(): string[] {
    return this.tasks.map((t) => t.name);
  }

  /** Whether a run or resume is in progress. */
  get running(): boolean {
    return this.active.size > 0;
  }

  /** Checks the graph and returns a dependency-respecting order. Throws UNKNOWN_DEPENDENCY or CYCLE. */
  validate(): string[] {
    return validateGraph(this.tasks);
  }

  /** Runs every task. Rejects only for an invalid graph; task failures are in the result. */
  async run(context: C, options: RunOptions = {}): Promise<RunResult> {
    this.validate();
    const args = options.args ?? (isJsonValue(context) ? context : {});
    return this.start(context, options, args, null, new Map());
  }

  /**
   * Runs again what did not succeed in run `runId`, as a new run with `resumedFromId = runId`;
   * tasks that succeeded earlier are not re-run and their stored (JSON) results are fed to their
   * dependents. `args` default to the earlier run's. Throws RUN_NOT_FOUND or NOT_RESUMABLE.
   */
  async resume(runId: string, context: C, options: ResumeOptions = {}): Promise<RunResult> {
    this.validate();
    const plan = await planResume(this.store, runId, this.name, this.taskNames, options.force ?? false);
    return this.start(context, options, options.args ?? plan.run.args, plan.run.id, plan.reused);
  }

  /** Cancels every run in progress: no new task starts, running attempts are aborted. Returns whether any was running. */
  cancel(reason = 'cancelled'): boolean {
    for (const controller of this.active) {
      controller.abort(new OrchestratorError('CANCELLED', `run cancelled: ${reason}`));
    }
    return this.active.size > 0;
  }

  private async start(
    context: C,
    options: RunOptions,
    args: JsonValue,
    resumedFromId: string | null,
    reused: Map<string, ReusedResult>,
  ): Promise<RunResult> {
    const runId = randomUUID();
    const logger = this.logger.child({ runId, pipeline: this.name });
    const controller = new AbortController();
    const forward = (): void => void controller.abort(new OrchestratorError('CANCELLED', 'run cancelled: signal aborted'));
    if (options.signal?.aborted) forward();
    options.signal?.addEventListener('abort', forward, { once: true });
    const listeners = [this.options.onEvent, options.onEvent].filter((l): l is PipelineEventListener => !!l);
    const scope: RunScope<C> = {
      runId,
      context,
      signal: controller.signal,
      writer: new StoreWriter(this.store, logger),
      logger,
      emit: (event: EventInput) => {
        const full = { ...event, runId, at: Date.now() } as PipelineEvent;
        for (const listener of listeners) {
          try {
            listener(full);
          } catch (thrown) {
            logger.warn('onEvent listener threw', { event: full.type, error: toError(thrown).message });
          }
        }
      },
    };
    this.active.add(controller);
    const removeSignals = this.options.handleSignals ? cancelOnSignals(this) : undefined;
    try {
      return await execute({ name: this.name, tasks: this.tasks, concurrency: this.concurrency, args, resumedFromId, reused }, scope);
    } finally {
      removeSignals?.();
      this.active.delete(controller);
      options.signal?.removeEventListener('abort', forward);
    }
  }
}
