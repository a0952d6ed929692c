import { addDays } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { Variant } from '@nba/features';
import { addGamesIngestCounts, importCsv, ingestGamesForDate, ingestOdds, loadFeatureInputs, type FeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { Pipeline, permanent, PrismaRunStore, type PipelineEventListener } from '@nba/orchestrator';
import type { ModelRegistry } from '@nba/registry';
import type { Upstreams } from '../upstreams/upstreams';
import { settlePredictions } from './settle';
import { predictDate, type PredictResult } from './predict-date';
import { promoteCandidate, type PromoteResult } from './promote-candidate';
import { promotionDecision } from './promotion';
import { trainCandidate, type CandidateResult } from './train-candidate';

/** What the train task reports: one candidate per model of the run. */
export interface TrainResult {
  candidates: CandidateResult[];
}

/** A registered model of the daily run: its registry name and the feature variant it is trained on. */
export interface DailyModel {
  name: string;
  variant: Variant;
}

/**
 * The models of a daily run: the market-aware one under `baseName` (the API's default) and the
 * stats-only one under `<baseName>-stats`, an independent view to compare with the line.
 */
export function dailyModels(baseName: string, which: Variant | 'both' = 'both'): DailyModel[] {
  const all: DailyModel[] = [
    { name: baseName, variant: 'market' },
    { name: `${baseName}-stats`, variant: 'stats' },
  ];
  return which === 'both' ? all : all.filter((m) => m.variant === which);
}

/** Name of the daily pipeline (runs of it can be resumed). */
export const DAILY_PIPELINE = 'daily';

/** Arguments of one daily run: plain JSON, stored with the run, so `resume` can reuse them. */
export interface DailyArgs {
  date: string;
  source: 'api' | 'demo' | 'csv';
  skipOdds: boolean;
  skipTrain: boolean;
  autoPromote: boolean;
  /** The registered models the run trains, promotes and predicts with, in order (see {@link dailyModels}). */
  models: DailyModel[];
  /** For `--source csv`. */
  gamesCsv?: string;
  oddsCsv?: string;
  /** Days before `date` whose results are (re)fetched. */
  lookbackDays: number;
}

export interface DailyDeps {
  db: DbClient;
  /** URL of `db`: run leases hold a connection of their own. */
  databaseUrl: string;
  registry: ModelRegistry;
  logger: Logger;
  /** Needed unless `source` is `csv`. */
  upstreams?: Upstreams;
  onEvent?: PipelineEventListener;
  /** Cancel the run on SIGTERM/SIGINT (the CLI; not tests). */
  handleSignals?: boolean;
  concurrency?: number;
}

/** The daily tasks in the order they are added. */
export const DAILY_TASKS = ['ingest_games', 'ingest_odds', 'settle', 'features', 'train', 'promote', 'predict'] as const;

/**
 * The daily job as a task graph:
 * ingest_games ─┬─ settle
 *               ├─ features ─ train ─ promote ─┐
 * ingest_odds ──┘                              └─ predict
 */
export function createDailyPipeline(deps: DailyDeps): Pipeline<DailyArgs> {
  const { db, registry } = deps;
  const pipeline = new Pipeline<DailyArgs>({
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
    if (!deps.upstreams) throw permanent(new Error('this run needs the upstream APIs (source api or demo)'));
    return deps.upstreams;
  };
  const isDemo = () => deps.upstreams?.isDemo ?? false;

  pipeline.addTask({
    name: 'ingest_games',
    maxRetries: 2,
    retryDelayMs: 2000,
    timeoutMs: 10 * 60_000,
    run: async ({ context, logger }) => {
      if (context.source === 'csv') {
        if (!context.gamesCsv) throw permanent(new Error('--source csv needs --games <games.csv>'));
        const summary = await importCsv(db, { gamesCsv: context.gamesCsv, ...(context.oddsCsv ? { oddsCsv: context.oddsCsv } : {}), logger });
        return {
          source: 'csv',
          gameRows: summary.gameRows,
          oddsRows: summary.oddsRows,
          inserted: summary.games.inserted,
          updated: summary.games.updated,
          rejected: summary.games.rejected + summary.unreadable.length,
          quarantined: summary.games.quarantined + summary.snapshots.quarantined,
          conflicts: summary.games.conflicts,
        };
      }
      const totals = { dates: 0, fetched: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, quarantined: 0, conflicts: 0 };
      for (let d = -context.lookbackDays; d <= 0; d++) {
        const s = await ingestGamesForDate(db, upstreams().apiBasketball, addDays(context.date, d), { logger, isDemo: isDemo() });
        totals.dates += 1;
        addGamesIngestCounts(totals, s);
      }
      return totals;
    },
  });

  pipeline.addTask({
    name: 'ingest_odds',
    maxRetries: 2,
    retryDelayMs: 2000,
    timeoutMs: 5 * 60_000,
    continueOnFailure: true,
    skipIf: ({ context }) => (context.skipOdds ? '--skip-odds' : context.source === 'csv' ? 'csv source carries its own lines' : false),
    run: async ({ logger }) => {
      const s = await ingestOdds(db, upstreams().odds, { logger, isDemo: isDemo() });
      return {
        events: s.events,
        snapshots: s.snapshots.inserted + s.snapshots.updated,
        rejected: s.snapshots.rejected + s.games.rejected,
        quarantined: s.snapshots.quarantined + s.games.quarantined,
        conflicts: s.games.conflicts,
      };
    },
  });

  pipeline.addTask({
    name: 'settle',
    dependencies: ['ingest_games'],
    run: async () => ({ settled: await settlePredictions(db) }),
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
    run: async ({ context, logger, runId }): Promise<TrainResult> => {
      const history = await getHistory();
      const candidates: CandidateResult[] = [];
      for (const m of context.models)
        candidates.push(await trainCandidate({ registry, logger }, history, { name: m.name, variant: m.variant, isDemo: isDemo(), runId }));
      return { candidates };
    },
  });

  pipeline.addTask({
    name: 'promote',
    dependencies: ['train'],
    skipIf: ({ context, results }) => {
      const train = results.train as TrainResult | undefined;
      if (!train) return 'no candidate trained';
      const decisions = train.candidates.map((c) => promotionDecision(c, context.autoPromote));
      return decisions.some((d) => d.promote) ? false : decisions.map((d) => d.reason).join('; ');
    },
    run: async ({ context, results, logger }) => {
      const promoted: PromoteResult[] = [];
      const held: string[] = [];
      for (const c of (results.train as TrainResult).candidates) {
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
    run: async ({ context, logger }) => {
      const history = await getHistory();
      const models: PredictResult[] = [];
      const missing: string[] = [];
      for (const m of context.models) {
        if (await registry.getProductionVersion(m.name))
          models.push(await predictDate({ db, registry, logger }, history, { name: m.name, date: context.date, isDemo: isDemo() }));
        else missing.push(m.name);
      }
      if (models.length === 0) {
        const names = missing.join(', ');
        throw permanent(
          new Error(
            `no production version of ${names}; train one (pipeline run without --skip-train) and promote it with: pnpm models -- promote --name <name> ` +
              `--version <version>`,
          ),
        );
      }
      if (missing.length) logger.warn('models without a production version were not used', { models: missing });
      return { models, missing };
    },
  });

  return pipeline;
}
