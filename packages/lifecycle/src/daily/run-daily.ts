import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { PrismaRunStore, type PipelineEventListener, type RunResult } from '@nba/orchestrator';
import type { ModelRegistry } from '@nba/registry';
import { LifecycleError } from '../lifecycle-error';
import { assertSameDataKind } from '../upstreams/data-kind';
import { openUpstreams, type UpstreamSettings, type Upstreams } from '../upstreams/upstreams';
import { DAILY_PIPELINE, dailyArgsFromJson, type DailyArgs } from './daily-args';
import { createDailyPipeline } from './daily-pipeline';
import type { DailyResults } from './daily-results';

/** What running the daily job needs: the database, the registry, the upstream settings, and how to report. */
export interface DailyRunDeps {
  db: DbClient;
  databaseUrl: string;
  registry: ModelRegistry;
  logger: Logger;
  /** The environment's upstream settings (keys, URLs, limits), for opening the upstreams of `source`. */
  upstreamSettings: UpstreamSettings;
  /** Upstreams already open (the main job backfilled through them); otherwise opened and closed here. */
  upstreams?: Upstreams | undefined;
  onEvent?: PipelineEventListener | undefined;
  /** Cancel the run on SIGTERM/SIGINT (a command line). */
  handleSignals?: boolean;
  gitCommit?: string | undefined;
}

/** The outcome of a daily run, typed by task. */
export type DailyRunResult = RunResult<DailyResults>;

/** Runs `work` with the run's upstreams: the given ones, or opened for `args.source` (csv: none, after the data-kind check) and closed after. */
async function withUpstreams<T>(
  deps: DailyRunDeps,
  args: DailyArgs,
  work: (upstreams: Upstreams | undefined) => Promise<T>,
): Promise<T> {
  if (deps.upstreams) return work(deps.upstreams);
  if (args.source === 'csv') {
    await assertSameDataKind(deps.db, false);
    return work(undefined);
  }
  const upstreams = await openUpstreams(
    args.source,
    { env: deps.upstreamSettings, logger: deps.logger, db: deps.db },
    args.date,
  );
  try {
    return await work(upstreams);
  } finally {
    await upstreams.close();
  }
}

function pipelineFor(deps: DailyRunDeps, upstreams: Upstreams | undefined) {
  return createDailyPipeline({ ...deps, upstreams });
}

/**
 * Runs the daily job for `args` (stored with the run). One live run per date: another one for the
 * same date is refused (the orchestrator's RUN_IN_PROGRESS) before the run writes anything.
 */
export function runDaily(deps: DailyRunDeps, args: DailyArgs): Promise<DailyRunResult> {
  // DailyArgs is plain JSON: the orchestrator stores it as the run's args as it is
  return withUpstreams(deps, args, (upstreams) => pipelineFor(deps, upstreams).run(args));
}

/** The arguments a daily run was started with: UNKNOWN_RUN, NOT_A_DAILY_RUN or BAD_RUN_ARGS otherwise. */
export async function storedDailyArgs(
  deps: Pick<DailyRunDeps, 'db' | 'databaseUrl'>,
  runId: string,
): Promise<DailyArgs> {
  const run = await new PrismaRunStore(deps.db, { databaseUrl: deps.databaseUrl }).getRun(runId);
  if (!run) throw new LifecycleError('UNKNOWN_RUN', `no run with id ${runId}`);
  if (run.name !== DAILY_PIPELINE)
    throw new LifecycleError(
      'NOT_A_DAILY_RUN',
      `run ${runId} is a '${run.name}' run; only '${DAILY_PIPELINE}' runs can be resumed`,
    );
  return dailyArgsFromJson(runId, run.args);
}

/**
 * Runs again what did not succeed in daily run `runId`, with its stored arguments (`args`, from
 * {@link storedDailyArgs}). The orchestrator refuses a run whose process is alive (unless `force`,
 * for a run whose process died without recording the end) or whose date another live run holds.
 */
export function resumeDaily(
  deps: DailyRunDeps,
  runId: string,
  args: DailyArgs,
  options: { force: boolean },
): Promise<DailyRunResult> {
  return withUpstreams(deps, args, (upstreams) =>
    pipelineFor(deps, upstreams).resume(runId, args, { force: options.force }),
  );
}
