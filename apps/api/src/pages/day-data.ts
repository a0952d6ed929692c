import { gamesOnDate, nearestGameDates, type DbClient } from '@nba/db';
import { gameView, type GameViewOutput } from '../schemas/games';
import { storedPredictions, type OnWithheldStored } from '../stored-predictions';
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
  const [stored, predictions] = await Promise.all([gamesOnDate(db, date), storedPredictions(db, date, onWithheld)]);
  const games = stored.map(gameView);
  if (games.length > 0) return { date, games, predictions };
  // a day off (or the off-season) links to where games are
  return { date, games, predictions, nearest: await nearestGameDates(db, date) };
}
