import { isoDay } from '@nba/config';
import type { DbClient } from '@nba/db';
import { gamesOnDate } from '../queries/games-on-date';
import { storedPredictions, type OnWithheldStored } from '../queries/stored-predictions';
import type { GameViewOutput } from '../schemas/games';
import type { StoredPredictionOutput } from '../schemas/predictions';

/** Everything the day view shows, from the same queries as `GET /v1/games` and `GET /v1/predictions`. */
export interface DayData {
  date: string;
  games: GameViewOutput[];
  /** Every stored forecast of the day's games, every model version, newest first per game. */
  predictions: StoredPredictionOutput[];
  /** On a day without games: the nearest days before and after that have some (null: none). */
  nearest?: { before: string | null; after: string | null };
}

/**
 * Loads a day: its games and stored forecasts (two queries at once; a forecast failing the last-step
 * check comes withheld, see `storedPredictions`); on an empty day, where the nearest games are.
 */
export async function loadDay(db: DbClient, date: string, onWithheld?: OnWithheldStored): Promise<DayData> {
  const [games, predictions] = await Promise.all([gamesOnDate(db, date), storedPredictions(db, date, onWithheld)]);
  if (games.length > 0) return { date, games, predictions };
  // both by the (date, home, away) index: a day off (or the off-season) links to where games are
  const [row] = await db.$queryRaw<{ before: Date | null; after: Date | null }[]>`
    SELECT (SELECT max(date) FROM games WHERE date < ${date}::date) AS before,
           (SELECT min(date) FROM games WHERE date > ${date}::date) AS after`;
  return { date, games, predictions, nearest: { before: row?.before ? isoDay(row.before) : null, after: row?.after ? isoDay(row.after) : null } };
}
