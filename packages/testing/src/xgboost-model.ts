// Real XGBoost JSON models for tests that register, export or compare versions (registry, model-cli):
// apps never import the XGBoost binding, so the tests' models come from here.
import { Booster, DMatrix, train } from '@nba/xgboost';

/** The fixture models' feature names, in column order. */
export const TEST_MODEL_FEATURES = ['elo_diff', 'rest_diff', 'form_diff'];

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Trains a small binary:logistic (or reg:squarederror) booster on 300 synthetic rows and returns
 * its XGBoost JSON model: the same seed, rounds and features give the same bytes.
 */
export function trainTestModelJson(
  options: { seed?: number; rounds?: number; objective?: string; features?: string[] } = {},
): string {
  const features = options.features ?? TEST_MODEL_FEATURES;
  const rand = lcg(options.seed ?? 1);
  const rows = 300;
  const cols = features.length;
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = rand() * 2 - 1;
      x[i * cols + j] = v;
      s += v * (j + 1);
    }
    y[i] = options.objective === 'reg:squarederror' ? s * 10 : s + (rand() - 0.5) > 0 ? 1 : 0;
  }
  const d = DMatrix.fromFloat32(x, rows, cols, { label: y, featureNames: features });
  const booster = train(
    { objective: options.objective ?? 'binary:logistic', max_depth: 2, eta: 0.3, nthread: 1, seed: options.seed ?? 1 },
    d,
    {
      numRounds: options.rounds ?? 5,
    },
  );
  const json = booster.toJSON();
  booster.dispose();
  d.dispose();
  return json;
}

/** Loads an XGBoost JSON model with the real library and predicts one row (checks a model is loadable). */
export function predictRowWithXgboost(modelJson: string | Uint8Array, row: number[]): number {
  const booster = Booster.fromJSON(modelJson);
  try {
    return booster.predictRow(row);
  } finally {
    booster.dispose();
  }
}
