import { assertCompatibleSpec, featureIndex, MARKET_FEATURES, type FeatureName, type FeatureSpec, type Variant } from '@nba/features';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import { Booster } from '@nba/xgboost';
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
  /** Total used when no expectation exists (empty history); NaN when the version does not record it. */
  totalFallback: number;
  /** Index in the full feature vector of each model column. */
  columns: Int32Array;
  win: Booster;
  margin: Booster | undefined;
  total: Booster | undefined;
  /** The win booster's own starting margin (logit of base_score), which XGBoost replaces by the per-row offset. */
  winBaseMargin: number;
}

/** Base score of an XGBoost JSON model as a margin (logit for logistic objectives). */
export function baseMargin(json: string): number {
  const doc = JSON.parse(json) as { learner?: { learner_model_param?: { base_score?: string }; objective?: { name?: string } } };
  const score = Number(doc.learner?.learner_model_param?.base_score ?? 0.5);
  const objective = doc.learner?.objective?.name ?? '';
  return objective.startsWith('binary:logistic') || objective === 'reg:logistic' ? Math.log(score / (1 - score)) : score;
}

function variantOf(info: ModelVersionInfo): Variant {
  const declared = info.params.variant;
  if (declared === 'stats' || declared === 'market') return declared;
  return info.featureSpec.features.some((f) => MARKET_FEATURES.includes(f as FeatureName)) ? 'market' : 'stats';
}

function loadBooster(json: string, role: string, spec: FeatureSpec, where: string): Booster {
  const booster = Booster.fromJSON(json);
  try {
    // one row at a time gains nothing from threads, and OpenMP hand-offs cost milliseconds on a
    // busy 2-core machine (measured: 350-4700 µs per row with 2 threads, 20-30 µs with 1)
    booster.setParams({ nthread: 1 });
    if (booster.numFeatures !== spec.features.length) {
      throw new Error(`its ${role} model has ${booster.numFeatures} features but the feature spec lists ${spec.features.length}`);
    }
    const names = booster.featureNames;
    if (names && names.join('\u0000') !== spec.features.join('\u0000')) {
      throw new Error(`its ${role} model's feature names differ from the feature spec`);
    }
    // a row of missing values must give a finite answer, or the model is unusable
    const probe = booster.predictRow(new Float32Array(spec.features.length).fill(NaN), { outputMargin: true });
    if (!Number.isFinite(probe)) throw new Error(`its ${role} model predicts ${probe} for an empty row`);
    // names checked; without them XGBoost skips copying 40-odd strings on every SHAP call
    booster.featureNames = undefined;
    return booster;
  } catch (err) {
    booster.dispose();
    throw new ApiError('MODEL_LOAD_FAILED', `${where}: ${(err as Error).message}`, undefined, { cause: err });
  }
}

/**
 * Loads a registered version: artifacts (sha256-verified by the registry), the feature spec
 * checked against this build's feature code, each booster checked against the spec.
 */
export async function loadModel(registry: ModelRegistry, info: ModelVersionInfo): Promise<LoadedModel> {
  const where = `model '${info.name}' version ${info.version}`;
  const artifacts = await registry.loadArtifacts(info.name, info.version);
  const spec = info.featureSpec as FeatureSpec;
  try {
    assertCompatibleSpec(spec);
  } catch (err) {
    throw new ApiError('MODEL_LOAD_FAILED', `${where}: ${(err as Error).message}`, undefined, { cause: err });
  }
  const boosters: Booster[] = [];
  try {
    const win = loadBooster(artifacts.win, 'win', spec, where);
    boosters.push(win);
    const margin = artifacts.margin === undefined ? undefined : loadBooster(artifacts.margin, 'margin', spec, where);
    if (margin) boosters.push(margin);
    const total = artifacts.total === undefined ? undefined : loadBooster(artifacts.total, 'total', spec, where);
    if (total) boosters.push(total);
    const fallback = Number(info.params.totalFallback);
    return {
      name: info.name,
      version: info.version,
      id: info.id,
      loadedAt: new Date(),
      spec,
      variant: variantOf(info),
      totalFallback: Number.isFinite(fallback) ? fallback : NaN,
      columns: Int32Array.from(spec.features, (f) => featureIndex(f as FeatureName)),
      win,
      margin,
      total,
      winBaseMargin: baseMargin(artifacts.win),
    };
  } catch (err) {
    for (const b of boosters) b.dispose();
    throw err;
  }
}

/** Frees a model's native boosters. */
export function disposeModel(model: LoadedModel): void {
  model.win.dispose();
  model.margin?.dispose();
  model.total?.dispose();
}
