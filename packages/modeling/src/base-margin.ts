import { DMatrix } from '@nba/xgboost';

/** A DMatrix with feature names, optional labels and optional per-row XGBoost `base_margin`. */
export function makeDMatrix(
  x: Float32Array,
  names: readonly string[],
  label?: Float32Array,
  baseMargin?: Float32Array,
): DMatrix {
  const rows = x.length / names.length;
  return DMatrix.fromFloat32(x, rows, names.length, {
    featureNames: [...names],
    ...(label ? { label } : {}),
    ...(baseMargin ? { baseMargin } : {}),
  });
}

/** Base score of an XGBoost JSON model as a margin (logit for logistic objectives). */
export function baseScoreMargin(json: string): number {
  const doc = JSON.parse(json) as {
    learner?: { learner_model_param?: { base_score?: string }; objective?: { name?: string } };
  };
  const score = Number(doc.learner?.learner_model_param?.base_score ?? 0.5);
  const objective = doc.learner?.objective?.name ?? '';
  return objective.startsWith('binary:logistic') || objective === 'reg:logistic'
    ? Math.log(score / (1 - score))
    : score;
}
