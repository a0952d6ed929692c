export { ModelRegistry, defaultActor } from './registry';
export type { ModelRegistryOptions } from './registry';
export { RegistryError, isUniqueViolation } from './registry-error';
export type { RegistryErrorCode } from './registry-error';
export { PROMOTION_CHANNEL } from './transitions';
export { listenForPromotions, type PromotionListener, type PromotionListenerOptions } from './promotion-listener';
export { ARTIFACT_ROLES, ARTIFACT_FORMAT, sha256, inspectArtifact } from './artifact';
export type { ArtifactRole, ArtifactSummary } from './artifact';
export { isSemver, compareSemver } from './semver';
export { assertModelName } from './registration';
export { normalizeMetrics, DEFAULT_METRICS_DATASET } from './metrics';
export { holdoutLogLosses } from './holdout-scores';
export type { HoldoutLogLoss } from './holdout-scores';
export { MODEL_STATUSES, FORECAST_KINDS } from './types';
export type {
  ModelStatusName,
  ForecastKindName,
  ModelEventActionName,
  FeatureSpec,
  MetricsByDataset,
  RegisterInput,
  ArtifactInfo,
  ModelVersionInfo,
  ModelEventInfo,
  ModelRef,
  ChangeOptions,
  PromoteOptions,
  RollbackOptions,
  MetricComparison,
  LiveScores,
  Comparison,
  LiveComparison,
  LiveRecord,
} from './types';
