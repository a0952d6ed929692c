import { GamesError } from './games-error';
import { teamCodeOfName } from './team-names';

/** `YYYY-MM-DD` -> `YYYYMMDD`. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** Our stable game key, `YYYYMMDD_AWAY_HOME`: the id of a game everywhere (database, features, forecasts). */
export function gameKeyOf(date: string, awayCode: string, homeCode: string): string {
  return `${compactDate(date)}_${awayCode}_${homeCode}`;
}

const GAME_ID = /^(\d{4})(\d{2})(\d{2})_([A-Za-z]{2,4})_([A-Za-z]{2,4})$/;

/** `YYYYMMDD_AWAY_HOME` with any historical codes (NJN, SEA…) mapped to today's franchises. */
export function normaliseGameId(id: string): { key: string; date: string } {
  const m = GAME_ID.exec(id.trim());
  if (!m) throw new GamesError('INVALID_ROW', `game_id '${id}' is not YYYYMMDD_AWAY_HOME`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return { date, key: gameKeyOf(date, teamCodeOfName(m[4] as string), teamCodeOfName(m[5] as string)) };
}
