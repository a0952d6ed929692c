import type { BoosterParams } from '@nba/xgboost';

/** Training settings of one booster. */
export interface BoosterSettings {
  params: BoosterParams;
  numRounds: number;
  earlyStoppingRounds: number;
}

/** Settings of the three boosters of a model, and how training uses its validation slice. */
export interface ModelParams {
  win: BoosterSettings;
  margin: BoosterSettings;
  total: BoosterSettings;
  /**
   * After early stopping on the last training season, retrain on all training games for the best
   * number of rounds (so the most recent season is learned from too).
   */
  refit: boolean;
  /**
   * Per variant, weight of the margin-derived win log-odds (a logistic map of the margin booster's
   * prediction, fitted on the training games) in a log-odds blend with the win booster; 0 or absent
   * = the win booster alone.
   */
  marginBlend?: Partial<Record<'stats' | 'market', number>>;
  /**
   * Per variant, the largest `lambda` of the pull toward the market (see `MarketShrink`): the
   * booster's mean correction of the market is removed, and the weight kept of the rest is chosen
   * per model by the robust rule (`chooseShrink`), never above this. Absent = no pull (the booster
   * as it is). Only rows with a market line are affected.
   */
  marketShrink?: Partial<Record<'stats' | 'market', number>>;
}

// nthread 1: on the shared 2-core machine the full backtest took 19 s with 1 thread against
// 30-77 s with 2 (OpenMP threads wait on each other when the cores are busy); results are identical.
const COMMON = { tree_method: 'hist', max_bin: 64, nthread: 1, seed: 7, verbosity: 0 } as const;

/**
 * Defaults, chosen by walk-forward backtests on seasons 2011-2015 only (never on the seasons
 * reported, 2016-2024).
 */
export const DEFAULT_PARAMS: Readonly<ModelParams> = Object.freeze({
  win: {
    params: {
      ...COMMON,
      objective: 'binary:logistic',
      eval_metric: 'logloss',
      max_depth: 2,
      eta: 0.03,
      subsample: 0.8,
      colsample_bytree: 0.8,
      min_child_weight: 50,
      lambda: 10,
    },
    numRounds: 2000,
    earlyStoppingRounds: 60,
  },
  margin: {
    params: {
      ...COMMON,
      objective: 'reg:squarederror',
      eval_metric: 'mae',
      max_depth: 2,
      eta: 0.03,
      subsample: 0.8,
      colsample_bytree: 0.8,
      min_child_weight: 50,
      lambda: 10,
    },
    numRounds: 2000,
    earlyStoppingRounds: 60,
  },
  total: {
    params: {
      ...COMMON,
      objective: 'reg:squarederror',
      eval_metric: 'mae',
      max_depth: 2,
      eta: 0.03,
      subsample: 0.8,
      colsample_bytree: 0.8,
      min_child_weight: 50,
      lambda: 10,
    },
    numRounds: 2000,
    earlyStoppingRounds: 60,
  },
  refit: false,
  // 2011-2015 walk-forward: stats 0.5968 (win booster) -> 0.5963 (blend 0.5); market 0.5808 -> 0.5811, so off
  marginBlend: { stats: 0.5 },
  // robust rule chosen on walk-forward 2010-2015 (seeds 1, 3, 7) for its worst season, not its pooled
  // score: the correction's fitted weight minus one standard error, capped so a correction without
  // skill costs at most 0.0001 (BENCHMARKS.md). The fixed lambda 0.91 before it: 2017 +0.00056 with seed 3
  marketShrink: { market: 1 },
});
