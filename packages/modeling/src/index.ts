/**
 * @nba/modeling: datasets, XGBoost training (win probability, margin, total), walk-forward
 * backtests, metrics, baselines, reports.
 */
export { ModelingError, type ModelingErrorCode } from './errors';
export { assembleDataset, subset, featureMatrix, feature, type Dataset } from './dataset';
export { logLoss, brier, accuracy, calibrationBins, expectedCalibrationError, scoreForecast, meanAbsoluteError, type ForecastScore, type CalibrationBin } from './metrics';
export { homeRate, eloForecast, marketForecast, winOffset, marginOffset, totalOffset, ELO_POINTS_PER_MARGIN } from './baselines';
export { DEFAULT_PARAMS, type ModelParams, type BoosterSettings } from './params';
export { trainModel, predictRows, disposeModel, type TrainedModel, type TrainOptions } from './train';
export { predictMatchup, serializeModel, deserializeModel, type MatchupPrediction, type ModelBundle } from './predict';
export { runBacktest, type BacktestOptions } from './backtest';
export { FORECASTS, reportMarkdown, type BacktestReport, type ForecastName, type SeasonScores, type PointErrors } from './report';
export { fitMarginToWin, blendWin, type MarginToWin } from './marginBlend';
export { calibrationSvg } from './calibrationSvg';
export { loadGamesCsv, trainOnHistory } from './history';
export { toRegistration, fromRegistration, type ModelRegistration } from './registration';
export { trainingFingerprint, TRAINING_CODE_VERSION, type TrainingFingerprint } from './fingerprint';
