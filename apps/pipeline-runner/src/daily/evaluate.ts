import { buildFeatures, type Variant } from '@nba/features';
import type { FeatureInputs } from '@nba/ingestion';
import { assembleDataset, logLoss, brier, accuracy, marketForecast, subset, trainModel, ServingModel, type Dataset } from '@nba/modeling';

/** The games of a set that had a market line: the model's and the market's log loss on them. */
export interface LinedScores {
  n: number;
  logLoss: number;
  market: number;
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

/** Finished games with features, built in one pass over the whole history. */
export function datasetOf(history: FeatureInputs): Dataset {
  return assembleDataset(buildFeatures(history.games, history.lines).rows);
}

/** Log loss, Brier and accuracy of a model's win probabilities on `ds`, and beside the market where it had a line. */
export function scoreModel(model: ServingModel, ds: Dataset): EvalScores {
  const p = Array.from(model.predictRows(ds.rows).homeWin);
  const y = Array.from(ds.homeWin);
  const idx = ds.rows.flatMap((r, i) => (Number.isFinite(marketForecast(r.values)) ? [i] : []));
  const pick = (a: ArrayLike<number>) => idx.map((i) => a[i] as number);
  const lined = idx.length
    ? {
        n: idx.length,
        logLoss: logLoss(pick(p), pick(y)),
        market: logLoss(
          idx.map((i) => marketForecast(ds.rows[i]!.values)),
          pick(y),
        ),
      }
    : null;
  return { n: y.length, logLoss: logLoss(p, y), brier: brier(p, y), accuracy: accuracy(p, y), lined };
}

/** The latest season with at least `minGames` finished games, the one candidates are evaluated on. */
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
export function holdoutScores(ds: Dataset, variant: Variant, season: number): EvalScores {
  const model = ServingModel.fromTrained(
    trainModel(
      subset(ds, (r) => r.game.season < season),
      variant,
    ),
  );
  try {
    return scoreModel(
      model,
      subset(ds, (r) => r.game.season === season),
    );
  } finally {
    model.dispose();
  }
}
