import { DMatrix, loadLibrary, XGBoostError } from '@nba/xgboost';

/**
 * Sets XGBoost's per-row `base_margin` (the starting log-odds each tree corrects) on a DMatrix.
 * @nba/xgboost has no option for it yet, so this goes through its exported raw bindings
 * (`loadLibrary()`, `DMatrix.handle`); replace with a `baseMargin` DMatrix option once it exists.
 */
export function setBaseMargin(dm: DMatrix, margin: Float32Array): void {
  if (margin.length !== dm.rows) throw new XGBoostError('INVALID_ARGUMENT', `base_margin has ${margin.length} values for ${dm.rows} rows`);
  const lib = loadLibrary();
  const rc = lib.XGDMatrixSetFloatInfo(dm.handle, 'base_margin', margin, margin.length) as number;
  if (rc !== 0) throw new XGBoostError('CALL_FAILED', `XGDMatrixSetFloatInfo(base_margin) failed: ${String(lib.XGBGetLastError())}`);
}

/** A DMatrix with labels, feature names and optional base margin. */
export function makeDMatrix(x: Float32Array, names: readonly string[], label?: Float32Array, baseMargin?: Float32Array): DMatrix {
  const rows = x.length / names.length;
  const dm = DMatrix.fromFloat32(x, rows, names.length, { featureNames: [...names], ...(label ? { label } : {}) });
  try {
    if (baseMargin) setBaseMargin(dm, baseMargin);
  } catch (err) {
    dm.dispose();
    throw err;
  }
  return dm;
}
