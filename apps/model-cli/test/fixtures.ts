// A real XGBoost JSON model for the CLI tests, trained by @nba/testing on synthetic data (apps never
// import the XGBoost binding).
import { TEST_MODEL_FEATURES, trainTestModelJson } from '@nba/testing';

export const FEATURES = TEST_MODEL_FEATURES;

/** Trains a small binary:logistic booster with feature names (4 + seed rounds) and returns its JSON model. */
export function trainModelJson(seed = 1, features = FEATURES): string {
  return trainTestModelJson({ seed, rounds: 4 + seed, features });
}
