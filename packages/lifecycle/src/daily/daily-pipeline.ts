import type { DbClient } from '@nba/db';
import { loadFeatureInputs, type FeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { Pipeline, permanent, PrismaRunStore, type PipelineEventListener } from '@nba/orchestrator';
import type { ModelRegistry } from '@nba/registry';
import { LifecycleError } from '../lifecycle-error';
import { dailyOutlook } from '../outlook/daily-outlook';
import { settleForecasts } from '../record/settle';
import type { Upstreams } from '../upstreams/upstreams';
import { DAILY_PIPELINE, type DailyArgs } from './daily-args';
import type { DailyResults, PredictTaskResult, SettleResult } from './daily-results';
import { ingestCurrentOdds, ingestGames } from './ingest-steps';
import { predictDate, type PredictResult } from './predict-date';
import { promoteCandidate, type PromoteResult } from './promote-candidate';
import { promotionDecision } from './promotion';
import { trainCandidate, type CandidateResult } from './train-candidate';

export interface DailyDeps {
  db: DbClient;
  /** URL of `db`: run leases hold a connection of their own. */
  databaseUrl: string;
  registry: ModelRegistry;
  logger: Logger;
  /** Needed unless `source` is `csv`. */
  upstreams?: Upstreams | undefined;
  onEvent?: PipelineEventListener | undefined;
  /** Cancel the run on SIGTERM/SIGINT (the CLI; not tests). */
  handleSignals?: boolean;
  concurrency?: number;
  /** The commit the code runs from, recorded with registered candidates. */
  gitCommit?: string | undefined;
}

/** The daily pipeline: its context is the run's arguments, its results typed by task. */
export type DailyPipeline = Pipeline<DailyArgs, DailyResults>;

/**
 * The daily job as a task graph:
 * ingest_games ─┬─ settle
 *               ├─ features ─ train ─ promote ─┐
 * ingest_odds ──┘                              └─ predict ─ outlook
 */
export function createDailyPipeline(deps: DailyDeps): DailyPipeline {
  const { db, registry } = deps;
  const pipeline = new Pipeline<DailyArgs, DailyResults>({
    name: DAILY_PIPELINE,
    logger: deps.logger,
    store: new PrismaRunStore(db, { databaseUrl: deps.databaseUrl, logger: deps.logger }),
    concurrency: deps.concurrency ?? 2,
    handleSignals: deps.handleSignals ?? false,
    // one live run per date: a second run (or resume) of a day in progress is refused
    lockKey: (args) => args.date,
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
  });
  // The feature history is big and not JSON: loaded once per process, after ingestion. A failed
  // load (the database restarting) is forgotten, so that the task's retry loads it again.
  let history: Promise<FeatureInputs> | undefined;
  const getHistory = () =>
    (history ??= loadFeatureInputs(db).catch((error: unknown) => {
      history = undefined;
      throw error;
    }));
  const upstreams = () => {
    if (!deps.upstreams)
      throw permanent(new LifecycleError('NEEDS_UPSTREAMS', 'this run needs the upstream APIs (source api or demo)'));
    return deps.upstreams;
  };
  const isDemo = () => deps.upstreams?.isDemo ?? false;

  pipeline.addTask({
    name: 'ingest_games',
    maxRetries: 2,
    retryDelayMs: 2000,
    timeoutMs: 10 * 60_000,
    run: ({ context, logger }) => ingestGames(db, upstreams, context, logger),
  });

  pipeline.addTask({
    name: 'ingest_odds',
    maxRetries: 2,
    retryDelayMs: 2000,
    timeoutMs: 5 * 60_000,
    continueOnFailure: true,
    skipIf: ({ context }) =>
      context.skipOdds ? '--skip-odds' : context.source === 'csv' ? 'csv source carries its own lines' : false,
    run: ({ logger }) => ingestCurrentOdds(db, upstreams(), logger),
  });

  pipeline.addTask({
    name: 'settle',
    dependencies: ['ingest_games'],
    run: async ({ logger }): Promise<SettleResult> => {
      const s = await settleForecasts(db, logger);
      return s.correctedGames.length ? s : { settled: s.settled };
    },
  });

  pipeline.addTask({
    name: 'features',
    dependencies: ['ingest_games', 'ingest_odds'],
    run: async () => {
      const h = await getHistory();
      const finished = h.games.filter((g) => g.homePts !== undefined).length;
      return { games: h.games.length, finished, withLines: h.lines.size };
    },
  });

  pipeline.addTask({
    name: 'train',
    dependencies: ['features'],
    skipIf: ({ context }) => (context.skipTrain ? '--skip-train' : false),
    run: async ({ context, logger, runId }) => {
      const history = await getHistory();
      const candidates: CandidateResult[] = [];
      for (const m of context.models) {
        candidates.push(
          await trainCandidate({ registry, logger }, history, {
            ...m,
            isDemo: isDemo(),
            runId,
            gitCommit: deps.gitCommit,
          }),
        );
      }
      return { candidates };
    },
  });

  pipeline.addTask({
    name: 'promote',
    dependencies: ['train'],
    skipIf: ({ context, results }) => {
      if (!results.train) return 'no candidate trained';
      const decisions = results.train.candidates.map((c) => promotionDecision(c, context.autoPromote));
      return decisions.some((d) => d.promote) ? false : decisions.map((d) => d.reason).join('; ');
    },
    run: async ({ context, results, logger }) => {
      const promoted: PromoteResult[] = [];
      const held: string[] = [];
      for (const c of results.train?.candidates ?? []) {
        const d = promotionDecision(c, context.autoPromote);
        if (d.promote) promoted.push(await promoteCandidate(registry, logger, c, d.reason));
        else held.push(d.reason);
      }
      for (const reason of held) logger.info('candidate not promoted', { reason });
      return { promoted, held };
    },
  });

  pipeline.addTask({
    name: 'predict',
    dependencies: ['features', 'promote'],
    run: async ({ context, logger }): Promise<PredictTaskResult> => {
      const history = await getHistory();
      const models: PredictResult[] = [];
      const missing: string[] = [];
      for (const m of context.models) {
        const production = await registry.getProductionVersion(m.name);
        if (production)
          models.push(
            await predictDate({ db, registry, logger }, history, { production, date: context.date, isDemo: isDemo() }),
          );
        else missing.push(m.name);
      }
      if (models.length === 0) {
        throw permanent(
          new LifecycleError(
            'NO_PRODUCTION',
            `no production version of ${missing.join(', ')}; train one (pipeline run without --skip-train) and promote it with: ` +
              `pnpm models -- promote --name <name> --version <version>`,
          ),
        );
      }
      if (missing.length) logger.warn('models without a production version were not used', { models: missing });
      return { models, missing };
    },
  });

  // the season outlook of the morning, from the games and lines stored before it (a rerun replaces the day's rows)
  pipeline.addTask({
    name: 'outlook',
    dependencies: ['predict'],
    maxRetries: 1,
    retryDelayMs: 2000,
    timeoutMs: 10 * 60_000,
    run: ({ context }) => dailyOutlook(db, context.date),
  });

  return pipeline;
}
