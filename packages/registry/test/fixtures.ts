// Real XGBoost JSON models for the tests, trained with @nba/xgboost on a small synthetic dataset.
import { DMatrix, train } from '@nba/xgboost';
import type { RegisterInput } from '../src';

export const FEATURES = ['elo_diff', 'rest_diff', 'form_diff'];

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Trains a small binary:logistic (or reg:squarederror) booster and returns its JSON model. */
export function trainModelJson(options: { seed?: number; rounds?: number; objective?: string; features?: string[] } = {}): string {
  const features = options.features ?? FEATURES;
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
    { numRounds: options.rounds ?? 5 },
  );
  const json = booster.toJSON();
  booster.dispose();
  d.dispose();
  return json;
}

let cached: string | undefined;
/** One trained win model shared by the tests (training is the slow part). */
export function winModel(): string {
  cached ??= trainModelJson();
  return cached;
}

/** A complete registration of `name`@`version` with a real model. */
export function registration(name: string, version: string, extra: Partial<RegisterInput> = {}): RegisterInput {
  return {
    name,
    version,
    artifacts: { win: winModel() },
    featureSpec: { name: 'pregame', version: '1', features: FEATURES },
    params: { max_depth: 2, eta: 0.3 },
    metrics: { logLoss: 0.64, brier: 0.225, accuracy: 0.63 },
    trainedFrom: '2016-10-25',
    trainedTo: '2023-06-12',
    trainingGames: 8400,
    gitCommit: 'abc1234',
    notes: `test model ${version}`,
    ...extra,
  };
}
