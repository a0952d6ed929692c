/**
 * @nba/lifecycle: the forecast lifecycle as use cases. The apps call these and only wire
 * (arguments, env, logger, exit codes); nothing here reads `process.env` or exits.
 */
export {};

// the season outlook: the daily use cases, the reads for the API, and the backtest
export { computeOutlook, defaultOutlookSeed, type ComputedOutlook } from './outlook/compute-outlook';
export { latestOutlook, outlookOfDate, teamOutlookHistory, type StoredOutlook, type TeamOutlookRow } from './outlook/outlook-reads';
export { morningOutlook, DEFAULT_OUTLOOK_SIMULATIONS, OUTLOOK_RATING_MODEL, type MorningOptions, type MorningOutlook } from './outlook/morning-outlook';
export { outlookHistory, OUTLOOK_EARLIER_SEASONS } from './outlook/outlook-history';
export { runOutlookBacktest, mergeOutlookBacktest, type OutlookBacktestRun, type OutlookBacktestResult } from './outlook/backtest/run-outlook-backtest';
export { backtestSettings, CHECKPOINTS, DEFAULT_BASELINE_SIMULATIONS, type OutlookBacktestSettings } from './outlook/backtest/backtest-options';
export { OUTLOOK_CSV_COLUMNS } from './outlook/backtest/outlook-csv';
export type { OutlookBacktestReport, OutlookGoal, ScoreBlock } from './outlook/backtest/outlook-report';
export type { OutlookScores } from './outlook/backtest/outlook-scores';
