import { buildFeatures, type Variant } from '@nba/features';
import type { FeatureInputs } from '@nba/ingestion';
import { assembleDataset, logLoss, brier, accuracy, subset, trainModel, ServingModel, type Dataset } from '@nba/modeling';

/** Scores of one model on a set of finished games. */
export interface EvalScores {
  n: number;
  logloss: number;
  brier: number;
  accuracy: number;
}

/** Finished games with features, built in one pass over the whole history. */
export function datasetOf(history: FeatureInputs): Dataset {
  return assembleDataset(buildFeatures(history.games, history.lines).rows);
}

/** Log loss, Brier and accuracy of a model's win probabilities on `ds`. */
export function scoreModel(model: ServingModel, ds: Dataset): EvalScores {
  const p = Array.from(model.predictRows(ds.rows).homeWin);
  const y = Array.from(ds.homeWin);
  return { n: y.length, logloss: logLoss(p, y), brier: brier(p, y), accuracy: accuracy(p, y) };
}

/** The latest season with at least `minGames` finished games, the one candidates are evaluated on. */
export function evaluationSeason(ds: Dataset, minGames = 100): number | undefined {
  const counts = new Map<number, number>();
  for (const r of ds.rows) counts.set(r.game.season, (counts.get(r.game.season) ?? 0) + 1);
  const seasons = [...counts].filter(([, n]) => n >= minGames).map(([s]) => s).sort((a, b) => a - b);
  return seasons.length >= 2 ? seasons[seasons.length - 1] : undefined;
}

/**
 * Walk-forward holdout: trains `variant` on every game before `season` and scores it on the
 * season's finished games (never seen in training).
 */
export function holdoutScores(ds: Dataset, variant: Variant, season: number): EvalScores {
  const model = ServingModel.fromTrained(trainModel(subset(ds, (r) => r.game.season < season), variant));
  try {
    return scoreModel(model, subset(ds, (r) => r.game.season === season));
  } finally {
    model.dispose();
  }
}
