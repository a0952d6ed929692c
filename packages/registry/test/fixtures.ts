// Real XGBoost JSON models for the tests: @nba/testing trains them on a small synthetic dataset.
import { TEST_MODEL_FEATURES, trainTestModelJson } from '@nba/testing';
import type { RegisterInput } from '../src';

export const FEATURES = TEST_MODEL_FEATURES;

/** Trains a small binary:logistic (or reg:squarederror) booster and returns its JSON model. */
export const trainModelJson = trainTestModelJson;

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
