/**
 * @nba/lifecycle: the forecast lifecycle as use cases. The apps call these and only wire
 * (arguments, env, logger, exit codes); nothing here reads `process.env` or exits.
 */
export { LifecycleError, type LifecycleErrorCode } from './lifecycle-error';

// the daily job
export {
  DAILY_PIPELINE,
  DAILY_TASKS,
  dailyModels,
  dailyArgsFromJson,
  type DailyArgs,
  type DailyModel,
} from './daily/daily-args';
export { createDailyPipeline, type DailyDeps, type DailyPipeline } from './daily/daily-pipeline';
export { runDaily, resumeDaily, storedDailyArgs, type DailyRunDeps, type DailyRunResult } from './daily/run-daily';
export type {
  DailyResults,
  IngestGamesResult,
  IngestOddsResult,
  SettleResult,
  FeaturesResult,
  TrainResult,
  PromoteTaskResult,
  PredictTaskResult,
} from './daily/daily-results';
export { trainCandidate, nextVersion, type CandidateResult } from './daily/train-candidate';
export { promotionDecision, type PromotionDecision } from './daily/promotion';
export { promoteCandidate, type PromoteResult } from './daily/promote-candidate';
export { predictDate, forecastGames, type PredictResult } from './daily/predict-date';

// hindcasts: past days forecast as they would have been, stored beside the live forecasts
export { hindcast, type HindcastOptions, type HindcastResult, type HindcastWindow } from './hindcast/hindcast';
export {
  runHindcast,
  HINDCAST_PIPELINE,
  type HindcastArgs,
  type HindcastDeps,
  type HindcastResults,
} from './hindcast/run-hindcast';

// backfill
export {
  backfillFromUpstreams,
  backfillFromCsv,
  type BackfillDeps,
  type BackfillOptions,
  type BackfillSummary,
} from './backfill/backfill';

// the upstreams a run reads (the real APIs or the demo's stand-ins)
export {
  openUpstreams,
  upstreamKind,
  demoLeague,
  DEMO_SEED,
  type Upstreams,
  type UpstreamKind,
  type UpstreamSettings,
} from './upstreams/upstreams';
export { demoDate } from './upstreams/demo-date';
export { assertSameDataKind } from './upstreams/data-kind';

// the record of stored forecasts: store -> settle -> score
export { storeForecast, type ForecastValues } from './record/store-forecast';
export { settleForecasts, type SettlementSummary } from './record/settle';
export { liveComparison, scoreSettled } from './record/live-comparison';
export { forecastsOfDate, type StoredForecast } from './record/forecasts-of-date';
export {
  teamSeason,
  teamRatingsVersion,
  type TeamSeason,
  type TeamGame,
  type TeamForecastRecord,
} from './record/team-season';

// the season outlook: the daily use cases, the reads for the API, and the backtest
export { computeOutlook, defaultOutlookSeed, type ComputedOutlook } from './outlook/compute-outlook';
export { dailyOutlook, type OutlookTaskResult } from './outlook/daily-outlook';
export {
  latestOutlook,
  outlookOfDate,
  storedOutlooksVersion,
  teamOutlookHistory,
  type StoredOutlook,
  type TeamOutlookRow,
} from './outlook/outlook-reads';
export { seasonOutlookHistory } from './outlook/season-outlook-history';
export { fillOutlooks, HISTORY_OUTLOOK_SIMULATIONS, type FilledOutlooks } from './outlook/fill-outlooks';
export {
  morningOutlook,
  DEFAULT_OUTLOOK_SIMULATIONS,
  OUTLOOK_RATING_MODEL,
  type MorningOptions,
  type MorningOutlook,
} from './outlook/morning-outlook';
export { outlookHistory, OUTLOOK_EARLIER_SEASONS } from './outlook/outlook-history';
export {
  runOutlookBacktest,
  mergeOutlookBacktest,
  type OutlookBacktestRun,
  type OutlookBacktestResult,
} from './outlook/backtest/run-outlook-backtest';
export {
  backtestSettings,
  CHECKPOINTS,
  DEFAULT_BASELINE_SIMULATIONS,
  type OutlookBacktestSettings,
} from './outlook/backtest/backtest-options';
export { OUTLOOK_CSV_COLUMNS } from './outlook/backtest/outlook-csv';
export type { OutlookBacktestReport, OutlookGoal, ScoreBlock } from './outlook/backtest/outlook-report';
export type { OutlookScores } from './outlook/backtest/outlook-scores';
