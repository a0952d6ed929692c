import { Booster, type EvalSet } from './booster';
import type { DMatrix } from './dmatrix';
import { XGBoostError } from './errors';
import type { BoosterParams } from './params';

/** Options of {@link train}. */
export interface TrainOptions {
  /** Maximum number of boosting rounds. */
  numRounds: number;
  /** Sets evaluated after every round; the last one drives early stopping. */
  evals?: readonly EvalSet[];
  /** Stop when the metric has not improved for this many rounds (needs evals). */
  earlyStoppingRounds?: number;
  /** Metric for early stopping, e.g. "logloss"; defaults to the last metric XGBoost reports. */
  metric?: string;
  /** Whether a larger metric is better; defaults from the metric name (auc, aucpr, map, ndcg, pre). */
  maximize?: boolean;
  /** Called after each round with its evaluation scores, e.g. for progress display. */
  onRound?: (round: number, scores: Record<string, number>) => void;
}

const MAXIMIZED_METRICS = ['auc', 'aucpr', 'map', 'ndcg', 'pre', 'interval-regression-accuracy'];

function isMaximized(metric: string): boolean {
  const base = metric.split('@')[0] ?? metric;
  return MAXIMIZED_METRICS.includes(base);
}

function validateOptions(options: TrainOptions): void {
  if (!Number.isInteger(options.numRounds) || options.numRounds < 1) {
    throw new XGBoostError('INVALID_ARGUMENT', `numRounds must be a positive integer, got ${options.numRounds}`);
  }
  const stop = options.earlyStoppingRounds;
  if (stop !== undefined) {
    if (!Number.isInteger(stop) || stop < 1) {
      throw new XGBoostError('INVALID_ARGUMENT', `earlyStoppingRounds must be a positive integer, got ${stop}`);
    }
    if (!options.evals?.length)
      throw new XGBoostError('INVALID_ARGUMENT', 'earlyStoppingRounds needs at least one eval set');
  }
}

/**
 * Trains a booster for up to `numRounds` rounds, evaluating `evals` after each round. With
 * `earlyStoppingRounds`, stops when the metric on the last eval set has not improved for that
 * many rounds and sets `bestIteration` (predictions then default to rounds [0, bestIteration]).
 */
export function train(params: BoosterParams, dtrain: DMatrix, options: TrainOptions): Booster {
  validateOptions(options);
  const evals = options.evals ?? [];
  const fullParams =
    options.metric !== undefined && params['eval_metric'] === undefined
      ? { ...params, eval_metric: options.metric }
      : params;
  const booster = new Booster(fullParams, [dtrain, ...evals.map((e) => e.data)]);
  try {
    let best: { round: number; score: number } | undefined;
    let key: string | undefined;
    let maximize = options.maximize ?? false;
    for (let round = 0; round < options.numRounds; round++) {
      booster.update(dtrain, round);
      const scores = booster.evalSet(evals, round);
      options.onRound?.(round, scores);
      if (options.earlyStoppingRounds === undefined) continue;
      if (key === undefined) {
        key = stoppingKey(scores, evals, options.metric);
        maximize = options.maximize ?? isMaximized(key.slice((evals[evals.length - 1]?.name.length ?? 0) + 1));
      }
      const score = scores[key] ?? NaN;
      if (best === undefined || (maximize ? score > best.score : score < best.score)) {
        best = { round, score };
      } else if (round - best.round >= options.earlyStoppingRounds) {
        break;
      }
    }
    if (best !== undefined) {
      booster.bestIteration = best.round;
      booster.setAttr('best_score', String(best.score));
    }
    return booster;
  } catch (err) {
    booster.dispose();
    throw err;
  }
}

function stoppingKey(scores: Record<string, number>, evals: readonly EvalSet[], metric: string | undefined): string {
  const last = evals[evals.length - 1]?.name ?? '';
  const keys = Object.keys(scores).filter((k) => k.startsWith(`${last}-`));
  const key = metric === undefined ? keys[keys.length - 1] : `${last}-${metric}`;
  if (key === undefined || !(key in scores)) {
    throw new XGBoostError(
      'INVALID_ARGUMENT',
      `Early-stopping metric "${metric ?? ''}" is not among the evaluation results (${Object.keys(scores).join(', ')}); add it to eval_metric`,
    );
  }
  return key;
}
