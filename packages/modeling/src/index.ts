/**
 * @nba/modeling: datasets, XGBoost training (win probability, margin, total), the serving model
 * (the forecast formula, SHAP explanations), walk-forward backtests, metrics, baselines, reports.
 */
export { ModelingError, type ModelingErrorCode } from './errors';
export { assembleDataset, subset, featureMatrix, feature, historyDataset, seasonSplit, type Dataset } from './dataset';
export {
  logLoss,
  brier,
  accuracy,
  calibrationBins,
  expectedCalibrationError,
  scoreForecast,
  meanAbsoluteError,
  type ForecastScore,
  type CalibrationBin,
} from './metrics';
export { homeRate, eloForecast, marketForecast, ELO_POINTS_PER_MARGIN } from './baselines';
export { DEFAULT_PARAMS, type ModelParams, type BoosterSettings } from './params';
export { trainModel, disposeModel, type TrainedModel, type TrainOptions } from './train';
export { serializeModel, deserializeModel, type ModelBundle } from './bundle';
export { ServingModel, type MatchupForecast, type RegisteredModel } from './serving-model';
export type { Forecast, Forecasts, ForecastParts } from './forecast';
export type { Explanation, Contribution } from './explanation';
export { releaseNativeMemory } from '@nba/xgboost';
export { runBacktest, type BacktestOptions, type BacktestForecast } from './backtest';
export { retrainCutoff, trainingSetBefore, RETRAIN_DAYS } from './walk-forward';
export {
  FORECASTS,
  reportMarkdown,
  type BacktestReport,
  type ForecastName,
  type SeasonScores,
  type PointErrors,
  type GuardrailSeason,
} from './report';
export { fitMarginToWin, type MarginToWin } from './margin-blend';
export { shrinkToMarket, MARKET_CENTER_GAMES, type MarketShrink } from './market-shrink';
export { MARKET_GUARDRAIL, MARKET_GUARDRAIL_Z, beyondMarketGuardrail } from './market-guardrail';
export {
  chooseShrink,
  MARKET_SHRINK_Z,
  MARKET_ZERO_SKILL_BUDGET,
  MARKET_SHRINK_MIN_GAMES,
  type ShrinkChoice,
  type ShrinkEvidence,
} from './market-shrink-rule';
export { calibrationSvg } from './calibration-svg';
export {
  checkForecast,
  FORECAST_BOUNDS,
  WITHHELD_REASONS,
  type ForecastCheck,
  type PublishedNumbers,
  type WithheldReason,
} from './forecast-check';
export { loadGamesCsv } from './history';
export { scoreModel, evaluationSeason, holdoutScores, type EvalScores, type LinedScores } from './evaluation';
export { toRegistration, type ModelRegistration, type ModelArtifacts } from './registration';
export { trainingFingerprint, TRAINING_CODE_VERSION, type TrainingFingerprint } from './fingerprint';
