// A real XGBoost JSON model for the CLI tests, trained with @nba/xgboost on synthetic data.
import { DMatrix, train } from '@nba/xgboost';

export const FEATURES = ['elo_diff', 'rest_diff', 'form_diff'];

/** Trains a small binary:logistic booster with feature names and returns its JSON model. */
export function trainModelJson(seed = 1, features = FEATURES): string {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const rows = 300;
  const cols = features.length;
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += (x[i * cols + j] = rand() * 2 - 1) * (j + 1);
    y[i] = sum + (rand() - 0.5) > 0 ? 1 : 0;
  }
  const d = DMatrix.fromFloat32(x, rows, cols, { label: y, featureNames: features });
  const booster = train({ objective: 'binary:logistic', max_depth: 2, eta: 0.3, nthread: 1, seed }, d, { numRounds: 4 + seed });
  const json = booster.toJSON();
  booster.dispose();
  d.dispose();
  return json;
}
