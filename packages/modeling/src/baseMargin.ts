import { DMatrix } from '@nba/xgboost';

/** A DMatrix with feature names, optional labels and optional per-row XGBoost `base_margin`. */
export function makeDMatrix(x: Float32Array, names: readonly string[], label?: Float32Array, baseMargin?: Float32Array): DMatrix {
  const rows = x.length / names.length;
  return DMatrix.fromFloat32(x, rows, names.length, { featureNames: [...names], ...(label ? { label } : {}), ...(baseMargin ? { baseMargin } : {}) });
}
