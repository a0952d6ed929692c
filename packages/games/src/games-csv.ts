import { isGameType } from '@nba/config';
import { parseCsv, type CsvRow } from './csv-reader';
import type { ClosingLine, GameRecord } from './game';
import { gameKeyOf, normaliseGameId } from './game-key';
import { GamesError } from './games-error';
import { teamCodeOfName } from './team-names';

// The one mapping of the history's files (`../shared/data/nba`: games.csv, odds.csv) to games and
// closing lines, with one validation: the CSV import (@nba/ingestion) stores what it gives, the
// backtests and benches (@nba/modeling, @nba/features, @nba/season) compute on it.

/** Columns games.csv must have (`is_playoffs`, `neutral_site` are optional). */
export const GAMES_CSV_COLUMNS = [
  'game_id',
  'season',
  'date',
  'home_team',
  'away_team',
  'home_pts',
  'away_pts',
  'game_type',
] as const;
/** Columns odds.csv must have (`source`, `qc_flag` are ignored). */
export const ODDS_CSV_COLUMNS = ['game_id', 'home_ml', 'away_ml', 'spread_home', 'total'] as const;

/** A row left out, with where it is and why: `games.csv line 7`, `date '2024-01-02' disagrees with game_id …`. */
export interface RowRejection {
  record: string;
  reason: string;
}

/** An odds.csv row: the game's key and date, and its closing line (moneylines only in pairs). */
export interface CsvClosingLine {
  id: string;
  date: string;
  line: ClosingLine;
}

const bad = (reason: string) => new GamesError('INVALID_ROW', reason);
const int = (v: string, what: string) => {
  if (!/^-?\d+$/.test(v.trim())) throw bad(`${what} '${v}' is not an integer`);
  return Number(v);
};
const optNum = (v: string, what: string) => {
  if (v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw bad(`${what} '${v}' is not a number`);
  return n;
};

/**
 * A games.csv row to a game keyed by its normalised game id (historical codes mapped to today's
 * franchises); both scores, or neither for a game not played. Throws `INVALID_ROW` with the reason
 * (an unknown game type, an id that disagrees with the date or the teams, a non-integer).
 */
export function gameOfCsvRow(row: CsvRow): GameRecord {
  const v = row.values;
  const gameType = v.game_type ?? '';
  if (!isGameType(gameType)) throw bad(`game_type '${gameType}' is not a game type`);
  const { key, date } = normaliseGameId(v.game_id ?? '');
  if (v.date !== date) throw bad(`date '${v.date}' disagrees with game_id '${v.game_id}'`);
  const home = teamCodeOfName(v.home_team ?? '');
  const away = teamCodeOfName(v.away_team ?? '');
  if (gameKeyOf(date, away, home) !== key)
    throw bad(`teams ${v.away_team}@${v.home_team} disagree with game_id '${v.game_id}'`);
  const neutral = (v.neutral_site ?? '').trim();
  if (!['', '0', '1'].includes(neutral)) throw bad(`neutral_site '${neutral}' is not 0, 1 or blank`);
  const game: GameRecord = {
    id: key,
    season: int(v.season ?? '', 'season'),
    date,
    home,
    away,
    gameType,
    neutral: neutral === '' ? null : neutral === '1',
  };
  const [homePts, awayPts] = [v.home_pts ?? '', v.away_pts ?? ''];
  if (homePts.trim() !== '' || awayPts.trim() !== '') {
    game.homePts = int(homePts, 'home_pts');
    game.awayPts = int(awayPts, 'away_pts');
  }
  return game;
}

/** An odds.csv row to its game's closing line; blanks are absent, a moneyline without the other side is left out. */
export function closingLineOfCsvRow(row: CsvRow): CsvClosingLine {
  const v = row.values;
  const { key, date } = normaliseGameId(v.game_id ?? '');
  const homeMl = optNum(v.home_ml ?? '', 'home_ml');
  const awayMl = optNum(v.away_ml ?? '', 'away_ml');
  const spreadHome = optNum(v.spread_home ?? '', 'spread_home');
  const total = optNum(v.total ?? '', 'total');
  const line: ClosingLine = {};
  if (homeMl !== undefined && awayMl !== undefined) {
    line.homeMl = homeMl;
    line.awayMl = awayMl;
  }
  if (spreadHome !== undefined) line.spreadHome = spreadHome;
  if (total !== undefined) line.total = total;
  return { id: key, date, line };
}

/**
 * The rows of a CSV text that must have `required` columns: text that is not CSV or a header
 * without them is `INVALID_CSV` naming what is missing; an empty text has no rows.
 */
export function csvRows(text: string, required: readonly string[]): CsvRow[] {
  const table = parseCsv(text);
  if (table.columns.length === 0) return [];
  const missing = required.filter((r) => !table.columns.includes(r));
  if (missing.length)
    throw new GamesError(
      'INVALID_CSV',
      `CSV header lacks column(s) ${missing.join(', ')} (has ${table.columns.join(', ')})`,
    );
  return table.rows;
}

/** Applies `map` to every row, collecting what it gives and, per line, why a row was left out. */
export function mapCsvRows<T>(
  file: string,
  rows: readonly CsvRow[],
  map: (row: CsvRow) => T | T[],
): { items: T[]; rejected: RowRejection[] } {
  const items: T[] = [];
  const rejected: RowRejection[] = [];
  for (const row of rows) {
    try {
      const r = map(row);
      if (Array.isArray(r)) items.push(...r);
      else items.push(r);
    } catch (e) {
      rejected.push({ record: `${file} line ${row.line}`, reason: (e as Error).message });
    }
  }
  return { items, rejected };
}

function all<T>(file: string, text: string, required: readonly string[], map: (row: CsvRow) => T): T[] {
  const { items, rejected } = mapCsvRows(file, csvRows(text, required), map);
  const first = rejected[0];
  if (first)
    throw bad(`${first.record}: ${first.reason}${rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : ''}`);
  return items;
}

/** Every game of a games.csv text, for computing on (backtests, benches); the first bad row is an `INVALID_ROW` error naming its line. */
export function parseGamesCsv(text: string, file = 'games.csv'): GameRecord[] {
  return all(file, text, GAMES_CSV_COLUMNS, gameOfCsvRow);
}

/** The closing lines of an odds.csv text by game key; the first bad row is an `INVALID_ROW` error naming its line. */
export function parseOddsCsv(text: string, file = 'odds.csv'): Map<string, ClosingLine> {
  return new Map(all(file, text, ODDS_CSV_COLUMNS, closingLineOfCsvRow).map((c) => [c.id, c.line]));
}
