import type { DbClient } from '@nba/db';
import { loadFeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { Pipeline, PrismaRunStore, type PipelineEventListener, type RunResult } from '@nba/orchestrator';
import type { ModelRegistry } from '@nba/registry';
import type { DailyModel } from '../daily/daily-args';
import { settleForecasts, type SettlementSummary } from '../record/settle';
import { hindcast, type HindcastResult } from './hindcast';

/** Name of the hindcast pipeline (its runs are listed with the daily ones). */
export const HINDCAST_PIPELINE = 'hindcast';

/** Arguments of a hindcast run: plain JSON, stored with the run. */
export interface HindcastArgs {
  from: string;
  to: string;
  models: DailyModel[];
  retrainDays?: number;
}

/** Results of a hindcast run, by task. */
export interface HindcastResults {
  hindcast: HindcastResult;
  settle: Pick<SettlementSummary, 'settled'>;
}

/** What a hindcast run needs. */
export interface HindcastDeps {
  db: DbClient;
  /** URL of `db`: the run's lease holds a connection of its own. */
  databaseUrl: string;
  registry: ModelRegistry;
  logger: Logger;
  onEvent?: PipelineEventListener | undefined;
  /** Cancel the run on SIGTERM/SIGINT (a command line). */
  handleSignals?: boolean;
  gitCommit?: string | undefined;
  /** Progress of the hindcast task (see `HindcastOptions.onProgress`). */
  onProgress?: (done: number, total: number, note: string) => void;
}

/**
 * Runs a hindcast of `args.from..args.to` as a pipeline run: recorded with its tasks like the daily
 * run, one hindcast at a time (a second is refused with RUN_IN_PROGRESS while the first holds the
 * lease), retried when the database drops, then the new forecasts settled. A rerun after a kill
 * continues: what was stored is found again, not redone.
 */
export function runHindcast(deps: HindcastDeps, args: HindcastArgs): Promise<RunResult<HindcastResults>> {
  const pipeline = new Pipeline<HindcastArgs, HindcastResults>({
    name: HINDCAST_PIPELINE,
    logger: deps.logger,
    store: new PrismaRunStore(deps.db, { databaseUrl: deps.databaseUrl, logger: deps.logger }),
    handleSignals: deps.handleSignals ?? false,
    lockKey: () => 'all',
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
  });
  pipeline.addTask({
    name: 'hindcast',
    maxRetries: 2,
    retryDelayMs: 2000,
    timeoutMs: 60 * 60_000,
    run: async ({ context, logger, runId }) => {
      const history = await loadFeatureInputs(deps.db);
      const isDemo = (await deps.db.game.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
      return hindcast({ db: deps.db, registry: deps.registry, logger }, history, {
        ...context,
        isDemo,
        runId,
        gitCommit: deps.gitCommit,
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      });
    },
  });
  pipeline.addTask({
    name: 'settle',
    dependencies: ['hindcast'],
    maxRetries: 2,
    retryDelayMs: 2000,
    run: async ({ logger }) => ({ settled: (await settleForecasts(deps.db, logger)).settled }),
  });
  return pipeline.run(args);
}
