import {
  buildFeatures,
  featureIndex,
  selectInto,
  type FeatureRow,
  type FeatureSpec,
  type LineLookup,
} from '@nba/features';
import { isFinished, type GameRecord } from '@nba/games';

/** Finished games with their feature vectors and the three targets, in date order. */
export interface Dataset {
  rows: FeatureRow[];
  /** 1 when the home team won. */
  homeWin: Float32Array;
  /** Home points minus away points. */
  margin: Float32Array;
  /** Both teams' points. */
  total: Float32Array;
}

/** Keeps the finished games of `rows` (already in date order) and extracts the targets. */
export function assembleDataset(rows: readonly FeatureRow[]): Dataset {
  const kept = rows.filter((r) => isFinished(r.game));
  const homeWin = new Float32Array(kept.length);
  const margin = new Float32Array(kept.length);
  const total = new Float32Array(kept.length);
  kept.forEach((r, i) => {
    const h = r.game.homePts as number;
    const a = r.game.awayPts as number;
    homeWin[i] = h > a ? 1 : 0;
    margin[i] = h - a;
    total[i] = h + a;
  });
  return { rows: kept, homeWin, margin, total };
}

/** The rows of a dataset whose index satisfies `keep`, as a new dataset. */
export function subset(ds: Dataset, keep: (row: FeatureRow, i: number) => boolean): Dataset {
  const idx: number[] = [];
  ds.rows.forEach((r, i) => keep(r, i) && idx.push(i));
  const pick = (a: Float32Array) => Float32Array.from(idx, (i) => a[i] as number);
  return {
    rows: idx.map((i) => ds.rows[i] as FeatureRow),
    homeWin: pick(ds.homeWin),
    margin: pick(ds.margin),
    total: pick(ds.total),
  };
}

/** Row-major float32 matrix of a spec's features (NaN = missing). */
export function featureMatrix(rows: readonly { values: ArrayLike<number> }[], spec: FeatureSpec): Float32Array {
  const out = new Float32Array(rows.length * spec.features.length);
  rows.forEach((r, i) => selectInto(r.values, spec, out, i));
  return out;
}

/** Value of one named feature in a full vector. */
export function feature(values: ArrayLike<number>, name: Parameters<typeof featureIndex>[0]): number {
  return values[featureIndex(name)] as number;
}

/** Finished games with pre-game features, built in one pass over the games (in date order) and their closing lines. */
export function historyDataset(games: readonly GameRecord[], lines: LineLookup): Dataset {
  return assembleDataset(buildFeatures(games, lines).rows);
}

/** Walk-forward split: every game before `season` to train on, the season's games to score. */
export function seasonSplit(ds: Dataset, season: number): { train: Dataset; test: Dataset } {
  return { train: subset(ds, (r) => r.game.season < season), test: subset(ds, (r) => r.game.season === season) };
}
