import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '@nba/logging';
import { databaseRetryPolicy, type DatabaseRetryPolicy } from './database-retry';
import type { PipelineEvent, PipelineEventListener } from './events';
import { execute, type ReusedResult } from './execution';
import { validateGraph } from './graph';
import { isJsonValue } from './json';
import { InMemoryRunStore } from './memory-run-store';
import { OrchestratorError, toError } from './orchestrator-error';
import type { RunResult } from './outcome';
import { planResume } from './resume-plan';
import type { EventInput, RunScope } from './run-scope';
import type { JsonValue, RunLease, RunStore } from './run-store';
import { closeAbandoned, lockLeaseKey, processHolder, runLeaseKey } from './run-liveness';
import { cancelOnSignals } from './signals';
import { StoreWriter } from './store-writer';
import { resolveTask, type DependencyResults, type ResolvedTask, type TaskDefinition } from './task';

export interface PipelineOptions<C = unknown> {
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
  /** The lock key of a run from its context (see `RunOptions.lockKey`, which takes precedence). */
  lockKey?: (context: C) => string | undefined;
  /**
   * How tasks and store writes wait out transient database errors (a restart, a failover, a
   * serialization failure), apart from each task's `maxRetries`. Default {@link DEFAULT_DATABASE_RETRY}
   * (8 retries from 1 s, capped at 15 s); `false` for none.
   */
  databaseRetry?: Partial<DatabaseRetryPolicy> | false;
}

export interface RunOptions {
  /** JSON stored as the run's `args`. Default: the context if it is plain JSON, else `{}`. */
  args?: JsonValue;
  /** Progress events of this run only (in addition to the pipeline's `onEvent`). */
  onEvent?: PipelineEventListener;
  /** Cancels the run when aborted, like `pipeline.cancel()`. */
  signal?: AbortSignal;
  /**
   * One live run per key in this pipeline (e.g. the date a daily run is for): while a live run
   * holds it, another run or resume with the same key is refused with RUN_IN_PROGRESS before
   * anything is written. Runs left `running` with this key by a dead process are closed as
   * abandoned. A resume defaults to the key of the run it resumes.
   */
  lockKey?: string;
}

/** What a run starts from. */
interface StartInput {
  runId: string;
  args: JsonValue;
  resumedFromId: string | null;
  reused: Map<string, ReusedResult>;
  lockKey: string | null;
  lease: RunLease;
}

export interface ResumeOptions extends RunOptions {
  /** Resume a run still marked `running` (its process died without recording the end). */
  force?: boolean;
}

/**
 * A DAG of tasks run with dependencies, bounded concurrency, retries with exponential backoff,
 * continue-on-failure, conditional skips, timeouts, cancellation, and persisted runs.
 *
 * `C` is the run's context. `R` optionally maps task names to their result types
 * (`Pipeline<Args, { ingest: IngestResult; train: TrainResult }>`): then `addTask` accepts only
 * those names, checks each `run`'s return type, and gives `run` and `skipIf` the typed results of
 * the task's declared dependencies, so no task casts what another returned.
 */
export class Pipeline<C = unknown, R extends object = Record<string, unknown>> {
  readonly name: string;
  readonly store: RunStore;
  private readonly concurrency: number;
  private readonly logger: Logger;
  private readonly databaseRetry: DatabaseRetryPolicy;
  private readonly options: PipelineOptions<C>;
  private readonly tasks: ResolvedTask<C>[] = [];
  private readonly active = new Set<AbortController>();

  constructor(options: PipelineOptions<C>) {
    const concurrency = options.concurrency ?? 4;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
      throw new RangeError(`concurrency must be a positive integer, got ${String(options.concurrency)}`);
    }
    this.name = options.name;
    this.concurrency = concurrency;
    this.logger = options.logger ?? silentLogger();
    this.store = options.store ?? new InMemoryRunStore();
    this.databaseRetry = databaseRetryPolicy(options.databaseRetry);
    this.options = options;
  }

  /** Adds a task (dependencies may be added later; they are checked when the pipeline runs). Throws DUPLICATE_TASK. */
  addTask<N extends keyof R & string, D extends keyof R & string = never>(
    definition: TaskDefinition<C, R[N], DependencyResults<R, D>, N, D>,
  ): this {
    if (this.tasks.some((t) => t.name === definition.name)) {
      throw new OrchestratorError(
        'DUPLICATE_TASK',
        `task '${definition.name}' is already defined in pipeline '${this.name}'`,
      );
    }
    // The executor passes a task exactly its dependencies' results, which is what the typed view promises.
    this.tasks.push(resolveTask(definition as unknown as TaskDefinition<C, unknown>));
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

  /**
   * Runs every task. Rejects for an invalid graph, and with RUN_IN_PROGRESS when a live run holds
   * `options.lockKey`; task failures are in the result.
   */
  async run(context: C, options: RunOptions = {}): Promise<RunResult<R>> {
    this.validate();
    const args = options.args ?? (isJsonValue(context) ? context : {});
    const runId = randomUUID();
    const lockKey = options.lockKey ?? this.options.lockKey?.(context) ?? null;
    const lease = await this.takeLease(runId, lockKey);
    try {
      await this.closeDeadRunsOf(lockKey, [], runId);
    } catch (error) {
      await lease.release();
      throw error;
    }
    return this.start(context, options, { runId, args, resumedFromId: null, reused: new Map(), lockKey, lease });
  }

  /**
   * Runs again what did not succeed in run `runId`, as a new run with `resumedFromId = runId`;
   * tasks that succeeded earlier are not re-run and their stored (JSON) results are fed to their
   * dependents. `args` and `lockKey` default to the earlier run's. A resumed run left `running` by
   * a dead process is closed as abandoned. Throws RUN_NOT_FOUND, RUN_IN_PROGRESS (its process, or
   * another run of its key, is alive) or NOT_RESUMABLE.
   */
  async resume(runId: string, context: C, options: ResumeOptions = {}): Promise<RunResult<R>> {
    this.validate();
    const earlier = await this.store.getRun(runId);
    if (!earlier) throw new OrchestratorError('RUN_NOT_FOUND', `no pipeline run with id '${runId}'`);
    const newRunId = randomUUID();
    const lockKey = options.lockKey ?? earlier.lockKey ?? this.options.lockKey?.(context) ?? null;
    // The lease first, then the plan: two resumes of one run cannot both pass the checks.
    const lease = await this.takeLease(newRunId, lockKey);
    let plan;
    try {
      plan = await planResume(this.store, runId, this.name, this.taskNames, options.force ?? false);
      await this.closeDeadRunsOf(lockKey, [plan.run.id], newRunId);
    } catch (error) {
      await lease.release();
      throw error;
    }
    return this.start(context, options, {
      runId: newRunId,
      args: options.args ?? plan.run.args,
      resumedFromId: plan.run.id,
      reused: plan.reused,
      lockKey,
      lease,
    });
  }

  /** Cancels every run in progress: no new task starts, running attempts are aborted. Returns whether any was running. */
  cancel(reason = 'cancelled'): boolean {
    for (const controller of this.active) {
      controller.abort(new OrchestratorError('CANCELLED', `run cancelled: ${reason}`));
    }
    return this.active.size > 0;
  }

  /** The new run's lease and its lock key's, or RUN_IN_PROGRESS naming the live run that holds the key. */
  private async takeLease(runId: string, lockKey: string | null): Promise<RunLease> {
    const lease = await this.store.acquireLease([
      runLeaseKey(runId),
      ...(lockKey !== null ? [lockLeaseKey(this.name, lockKey)] : []),
    ]);
    if (lease) return lease;
    const [holder] = lockKey !== null ? await this.store.findRuns({ name: this.name, lockKey, status: 'running' }) : [];
    const who = holder
      ? `run ${holder.id} (started ${holder.startedAt.toISOString()} by ${holder.holder ?? 'an unknown process'})`
      : 'another process';
    throw new OrchestratorError(
      'RUN_IN_PROGRESS',
      `a '${this.name}' run for ${lockKey ?? runId} is already in progress: ${who}; nothing was done`,
    );
  }

  /** Closes runs of `lockKey` (and `alsoIds`) still marked running: their process is dead, since this one holds the key. */
  private async closeDeadRunsOf(lockKey: string | null, alsoIds: readonly string[], byRunId: string): Promise<void> {
    const sameKey = lockKey !== null ? await this.store.findRuns({ name: this.name, lockKey, status: 'running' }) : [];
    const resumed = new Set(alsoIds);
    for (const id of [...resumed, ...sameKey.map((r) => r.id).filter((id) => !resumed.has(id))]) {
      await closeAbandoned(
        this.store,
        [id],
        `${resumed.has(id) ? 'resumed' : 'superseded'} by run ${byRunId}`,
        this.logger.child({ pipeline: this.name }),
      );
    }
  }

  private async start(context: C, options: RunOptions, input: StartInput): Promise<RunResult<R>> {
    const { runId, args, resumedFromId, reused, lockKey, lease } = input;
    const logger = this.logger.child({ runId, pipeline: this.name });
    const controller = new AbortController();
    const forward = (): void =>
      void controller.abort(new OrchestratorError('CANCELLED', 'run cancelled: signal aborted'));
    if (options.signal?.aborted) forward();
    options.signal?.addEventListener('abort', forward, { once: true });
    // the lease could not be taken again after the database came back (another process holds it)
    const leaseLost = (): void =>
      void controller.abort(new OrchestratorError('LEASE_LOST', `run stopped: ${toError(lease.lost?.reason).message}`));
    if (lease.lost?.aborted) leaseLost();
    lease.lost?.addEventListener('abort', leaseLost, { once: true });
    const listeners = [this.options.onEvent, options.onEvent].filter((l): l is PipelineEventListener => !!l);
    const scope: RunScope<C> = {
      runId,
      context,
      signal: controller.signal,
      writer: new StoreWriter(this.store, logger, this.databaseRetry),
      databaseRetry: this.databaseRetry,
      logger,
      emit: (event: EventInput) => {
        const full: PipelineEvent = { ...event, runId, at: Date.now() };
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
      // the executor collects each task's own result under its name: the result map's promise
      return (await execute(
        {
          name: this.name,
          tasks: this.tasks,
          concurrency: this.concurrency,
          args,
          resumedFromId,
          reused,
          lockKey,
          holder: processHolder(),
        },
        scope,
      )) as RunResult<R>;
    } finally {
      await lease.release();
      removeSignals?.();
      this.active.delete(controller);
      options.signal?.removeEventListener('abort', forward);
      lease.lost?.removeEventListener('abort', leaseLost);
    }
  }
}
