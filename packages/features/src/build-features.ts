import { FeatureState, type LineLookup } from './feature-state';
import type { GameRecord } from '@nba/games';

/** A game with its pre-game feature vector (order `ALL_FEATURES`). */
export interface FeatureRow {
  game: GameRecord;
  values: Float64Array;
}

/** Games sorted by date, then id (the order the state consumes them). */
export function sortGames(games: readonly GameRecord[]): GameRecord[] {
  return [...games].sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
}

/**
 * One pass over a history: feature rows for every game and the state after the last day.
 * Pass an existing `state` to continue from it with later days only.
 */
export function buildFeatures(
  games: readonly GameRecord[],
  lines?: LineLookup,
  state: FeatureState = new FeatureState(),
): { rows: FeatureRow[]; state: FeatureState } {
  const sorted = sortGames(games);
  const rows: FeatureRow[] = [];
  let start = 0;
  while (start < sorted.length) {
    const date = (sorted[start] as GameRecord).date;
    let end = start + 1;
    while (end < sorted.length && (sorted[end] as GameRecord).date === date) end++;
    const day = sorted.slice(start, end);
    const values = state.addDay(day, lines);
    for (let i = 0; i < day.length; i++) rows.push({ game: day[i] as GameRecord, values: values[i] as Float64Array });
    start = end;
  }
  return { rows, state };
}
