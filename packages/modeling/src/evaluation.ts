import type { Variant } from '@nba/features';
import { marketForecast } from './baselines';
import { seasonSplit, type Dataset } from './dataset';
import { accuracy, brier, logLoss } from './metrics';
import { ServingModel } from './serving-model';
import { trainModel, type TrainOptions } from './train';

// Walk-forward evaluation of one model on games and closing lines: the daily job's candidate
// evaluation and the backtest split a season off the same way, and score a model beside the market.

/** The games of a set that had a market line: the model's and the market's log loss on them. */
export interface LinedScores {
  n: number;
  logLoss: number;
  market: number;
  /** Standard error of `logLoss - market` (of the mean of the per-game differences): how far chance alone moves it. */
  diffSe: number;
}

/** Scores of one model on a set of finished games. */
export interface EvalScores {
  n: number;
  logLoss: number;
  brier: number;
  accuracy: number;
  /** Null when no game of the set had a line. */
  lined: LinedScores | null;
}

/** Log loss, Brier and accuracy of a model's win probabilities on `ds`, and beside the market where it had a line. */
export function scoreModel(model: ServingModel, ds: Dataset): EvalScores {
  const p = Array.from(model.predictRows(ds.rows).homeWin);
  const y = Array.from(ds.homeWin);
  const market = ds.rows.map((r) => marketForecast(r.values));
  const idx = market.flatMap((m, i) => (Number.isFinite(m) ? [i] : []));
  const pick = (a: ArrayLike<number>) => idx.map((i) => a[i] as number);
  const lined = idx.length
    ? {
        n: idx.length,
        logLoss: logLoss(pick(p), pick(y)),
        market: logLoss(pick(market), pick(y)),
        diffSe: diffStandardError(pick(p), pick(market), pick(y)),
      }
    : null;
  return { n: y.length, logLoss: logLoss(p, y), brier: brier(p, y), accuracy: accuracy(p, y), lined };
}

/** Standard error of the mean per-game log-loss difference between forecasts `p` and `q` (0 with fewer than two games). */
function diffStandardError(p: number[], q: number[], y: number[]): number {
  const d = y.map((yi, i) => logLoss([p[i] as number], [yi]) - logLoss([q[i] as number], [yi]));
  if (d.length < 2) return 0;
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1);
  return Math.sqrt(variance / d.length);
}

/** The latest season with at least `minGames` finished games (when an earlier one has as many): the one candidates are evaluated on. */
export function evaluationSeason(ds: Dataset, minGames = 100): number | undefined {
  const counts = new Map<number, number>();
  for (const r of ds.rows) counts.set(r.game.season, (counts.get(r.game.season) ?? 0) + 1);
  const seasons = [...counts]
    .filter(([, n]) => n >= minGames)
    .map(([s]) => s)
    .sort((a, b) => a - b);
  return seasons.length >= 2 ? seasons[seasons.length - 1] : undefined;
}

/**
 * Walk-forward holdout: trains `variant` on every game before `season` and scores it on the
 * season's finished games (never seen in training).
 */
export function holdoutScores(ds: Dataset, variant: Variant, season: number, options: TrainOptions = {}): EvalScores {
  const { train, test } = seasonSplit(ds, season);
  const model = ServingModel.fromTrained(trainModel(train, variant, options));
  try {
    return scoreModel(model, test);
  } finally {
    model.dispose();
  }
}
