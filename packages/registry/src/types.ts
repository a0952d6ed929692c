/** Lifecycle state of a version: `staging` on register, then `production`, then `archived`. */
export type ModelStatusName = 'staging' | 'production' | 'archived';
export const MODEL_STATUSES: readonly ModelStatusName[] = ['staging', 'production', 'archived'];

/**
 * What a version is for: `live` versions are trained by the daily run, promoted and served;
 * `hindcast` versions forecast past days, each trained only on the data before its day, and are
 * never promoted, served or listed with the live ones.
 */
export type ForecastKindName = 'live' | 'hindcast';
export const FORECAST_KINDS: readonly ForecastKindName[] = ['live', 'hindcast'];

/** What a registry change did, as written to the audit trail. */
export type ModelEventActionName = 'registered' | 'promoted' | 'archived' | 'rolled_back';

/** Names and order of the features a model expects, and the version of the code that computes them. */
export interface FeatureSpec {
  name: string;
  version: string;
  features: readonly string[];
}

/** Metric values by dataset (`validation`, `backtest-2024`, `live`, …) and metric name. */
export type MetricsByDataset = Record<string, Record<string, number>>;

/** Input of {@link ModelRegistry.register}. */
export interface RegisterInput {
  name: string;
  /** A semantic version, validated (e.g. `1.2.0`). */
  version: string;
  /** XGBoost JSON models; `win` is required. */
  artifacts: { win: string | Uint8Array; margin?: string | Uint8Array; total?: string | Uint8Array };
  featureSpec: FeatureSpec;
  params?: Record<string, unknown>;
  /** Flat `{logLoss: 0.62}` means dataset `validation`; nested is `{dataset: {metric: value}}`. */
  metrics?: Record<string, number | Record<string, number>>;
  /** First and last game dates of the training data, `YYYY-MM-DD`. */
  trainedFrom?: string;
  trainedTo?: string;
  trainingGames?: number;
  gitCommit?: string;
  /**
   * What the version was trained from (e.g. a sha256 of training set, parameters, feature spec and
   * code version). A name holds at most one version per fingerprint: see `findByFingerprint`.
   */
  fingerprint?: string;
  /** Id (UUID) of the pipeline run that trained and registered it. */
  pipelineRunId?: string;
  notes?: string;
  /** Defaults to the registry's actor. */
  createdBy?: string;
  /** Default `live`. */
  kind?: ForecastKindName;
}

/** An artifact's metadata (its content is read with `loadArtifacts`). */
export interface ArtifactInfo {
  /** An `ArtifactRole` (see ./artifact) for the artifacts this package writes; any other name a caller registered. */
  role: string;
  format: string;
  sha256: string;
  sizeBytes: number;
}

/** A registered model version, as the registry reports it. */
export interface ModelVersionInfo {
  id: number;
  name: string;
  version: string;
  status: ModelStatusName;
  kind: ForecastKindName;
  featureSpec: FeatureSpec;
  params: Record<string, unknown>;
  metrics: MetricsByDataset;
  /** `YYYY-MM-DD`. */
  trainedFrom: string | null;
  trainedTo: string | null;
  trainingGames: number | null;
  gitCommit: string | null;
  fingerprint: string | null;
  pipelineRunId: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: Date;
  promotedAt: Date | null;
  archivedAt: Date | null;
  artifacts: ArtifactInfo[];
}

/** One audit-trail entry: who changed which version, from what to what, when and why. */
export interface ModelEventInfo {
  id: number;
  name: string;
  version: string;
  action: ModelEventActionName;
  fromStatus: ModelStatusName | null;
  toStatus: ModelStatusName;
  actor: string;
  reason: string | null;
  createdAt: Date;
}

/** A model version by name and version. */
export interface ModelRef {
  name: string;
  version: string;
}

/** Options of the state-changing operations. */
export interface ChangeOptions {
  /** Who does it; defaults to the registry's actor (user@host). */
  actor?: string;
  /** Why; written to the audit trail. */
  reason?: string;
}

/** Options of `promoteVersion`. */
export interface PromoteOptions extends ChangeOptions {
  /**
   * The production version the caller showed before confirming (null: none). When another one is in
   * production by the time the promotion runs, it is refused with CONFLICT and nothing changes.
   */
  expectedProduction?: string | null;
}

/** Options of `rollback`. */
export interface RollbackOptions extends ChangeOptions {
  /** The plan the caller showed (`planRollback`); when the rollback would now do something else: CONFLICT, nothing changes. */
  expectedPlan?: { from: string; to: string };
}

/** One metric of two models side by side; `difference` is b − a when both have it. */
export interface MetricComparison {
  dataset: string;
  metric: string;
  a: number | null;
  b: number | null;
  difference: number | null;
}

/** Scores of settled forecasts. */
export interface LiveScores {
  logLoss: number;
  brier: number;
  accuracy: number;
}

/** Two versions compared: stored metrics side by side and, when available, live scores on common games. */
export interface Comparison {
  a: ModelVersionInfo;
  b: ModelVersionInfo;
  metrics: MetricComparison[];
  /** Both models' settled forecasts on the same games; absent when they share none (or no record was given). */
  live?: LiveComparison;
}

/** Two versions' settled forecasts scored on the games both forecast, with b − a. */
export interface LiveComparison {
  games: number;
  a: LiveScores;
  b: LiveScores;
  difference: LiveScores;
}

/**
 * Where live scores come from: the record of stored forecasts (`@nba/lifecycle`'s `liveComparison`),
 * which the registry does not read itself. Undefined when the versions share no settled game.
 */
export type LiveRecord = (a: ModelVersionInfo, b: ModelVersionInfo) => Promise<LiveComparison | undefined>;
