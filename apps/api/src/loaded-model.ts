import { featureIndex, type FeatureName, type FeatureSpec, type Variant } from '@nba/features';
import { disposeModel as disposeTrained, fromRegistration, type MarginToWin, type TrainedModel } from '@nba/modeling';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import type { Booster } from '@nba/xgboost';
import { ApiError } from './errors';

/** A production model ready to serve: its boosters and what is needed to use them. */
export interface LoadedModel {
  name: string;
  version: string;
  /** `model_versions.id`. */
  id: number;
  loadedAt: Date;
  spec: FeatureSpec;
  /** `market` models start from the market's line where one exists (see @nba/modeling `winOffset`). */
  variant: Variant;
  /** Total used when no expectation exists (empty history). */
  totalFallback: number;
  /** Blend of the win booster with the margin-derived probability (absent: win booster alone). */
  marginToWin: MarginToWin | undefined;
  /** Index in the full feature vector of each model column. */
  columns: Int32Array;
  win: Booster;
  margin: Booster;
  total: Booster;
  /** The win booster's own starting margin (logit of base_score), which the per-row offset replaces. */
  winBaseMargin: number;
}

/** Base score of an XGBoost JSON model as a margin (logit for logistic objectives). */
export function baseMargin(json: string): number {
  const doc = JSON.parse(json) as { learner?: { learner_model_param?: { base_score?: string }; objective?: { name?: string } } };
  const score = Number(doc.learner?.learner_model_param?.base_score ?? 0.5);
  const objective = doc.learner?.objective?.name ?? '';
  return objective.startsWith('binary:logistic') || objective === 'reg:logistic' ? Math.log(score / (1 - score)) : score;
}

/** Checks a booster against the spec and prepares it for single-row serving. */
function prepareBooster(booster: Booster, role: string, spec: FeatureSpec): void {
  if (booster.numFeatures !== spec.features.length) {
    throw new Error(`its ${role} model has ${booster.numFeatures} features but the feature spec lists ${spec.features.length}`);
  }
  const names = booster.featureNames;
  if (names && names.join('\u0000') !== spec.features.join('\u0000')) throw new Error(`its ${role} model's feature names differ from the feature spec`);
  // one row at a time gains nothing from threads, and OpenMP hand-offs cost milliseconds on a
  // busy 2-core machine (measured: 350-4700 µs per row with 2 threads, 20-30 µs with 1)
  booster.setParams({ nthread: 1 });
  // a row of missing values must give a finite answer, or the model is unusable
  const probe = booster.predictRow(new Float32Array(spec.features.length).fill(NaN), { outputMargin: true });
  if (!Number.isFinite(probe)) throw new Error(`its ${role} model predicts ${probe} for an empty row`);
  // names checked; without them XGBoost skips copying 40-odd strings on every SHAP call
  booster.featureNames = undefined;
}

/**
 * Loads a registered version as the pipeline registers it (@nba/modeling `toRegistration`):
 * artifacts sha256-verified by the registry, the bundle rebuilt by `fromRegistration` (which checks
 * the feature spec against this build's feature code), the registry's spec compared with the
 * bundle's, and each booster checked against the spec. Throws `ApiError('MODEL_LOAD_FAILED')`.
 */
export async function loadModel(registry: ModelRegistry, info: ModelVersionInfo): Promise<LoadedModel> {
  const where = `model '${info.name}' version ${info.version}`;
  const artifacts = await registry.loadArtifacts(info.name, info.version);
  let trained: TrainedModel;
  try {
    trained = fromRegistration(info.params, artifacts);
  } catch (err) {
    throw new ApiError('MODEL_LOAD_FAILED', `${where}: ${(err as Error).message}`, undefined, { cause: err });
  }
  try {
    const spec = trained.spec;
    if (info.featureSpec.features.join('\u0000') !== spec.features.join('\u0000') || info.featureSpec.version !== spec.version) {
      throw new Error('the registered feature spec differs from the one in its bundle');
    }
    prepareBooster(trained.win, 'win', spec);
    prepareBooster(trained.margin, 'margin', spec);
    prepareBooster(trained.total, 'total', spec);
    return {
      name: info.name,
      version: info.version,
      id: info.id,
      loadedAt: new Date(),
      spec,
      variant: trained.variant,
      totalFallback: trained.totalFallback,
      marginToWin: trained.marginToWin,
      columns: Int32Array.from(spec.features, (f) => featureIndex(f as FeatureName)),
      win: trained.win,
      margin: trained.margin,
      total: trained.total,
      winBaseMargin: baseMargin(artifacts.win),
    };
  } catch (err) {
    disposeTrained(trained);
    throw new ApiError('MODEL_LOAD_FAILED', `${where}: ${(err as Error).message}`, undefined, { cause: err });
  }
}

/** Frees a model's native boosters. */
export function disposeModel(model: LoadedModel): void {
  model.win.dispose();
  model.margin.dispose();
  model.total.dispose();
}
