import { gameKeyOf } from '../game-key';
import { teamCodeOfName } from '../teams';
import type { GameRecord, SnapshotRecord } from '../store/records';
import type { Rejection } from '../rejection';
import type { CsvRow } from '@nba/features';

export const GAMES_COLUMNS = ['game_id', 'season', 'date', 'home_team', 'away_team', 'home_pts', 'away_pts', 'game_type'] as const;
export const ODDS_COLUMNS = ['game_id', 'home_ml', 'away_ml', 'spread_home', 'total'] as const;
/** Bookmaker and source of CSV closing lines. */
export const CSV_BOOKMAKER = 'closing';
export const CSV_SOURCE = 'csv';
/**
 * Capture time given to CSV closing lines: 15:00 UTC on the game date (10 or 11 am Eastern),
 * before any NBA tip-off, so they count as closing lines by the "last before tip-off" rule.
 */
export const CSV_CAPTURE_UTC = 'T15:00:00.000Z';

const GAME_ID = /^(\d{4})(\d{2})(\d{2})_([A-Za-z]{2,4})_([A-Za-z]{2,4})$/;

/** `YYYYMMDD_AWAY_HOME` with any historical codes (NJN, SEA…) mapped to today's franchises. */
export function normaliseGameId(id: string): { key: string; date: string } {
  const m = GAME_ID.exec(id.trim());
  if (!m) throw new Error(`game_id '${id}' is not YYYYMMDD_AWAY_HOME`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return { date, key: gameKeyOf(date, teamCodeOfName(m[4]!), teamCodeOfName(m[5]!)) };
}

const int = (v: string, what: string) => {
  if (!/^-?\d+$/.test(v.trim())) throw new Error(`${what} '${v}' is not an integer`);
  return Number(v);
};
const optNum = (v: string, what: string) => {
  if (v.trim() === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${what} '${v}' is not a number`);
  return n;
};

/** A games.csv row to a game record (final, with scores); throws with the reason when malformed. */
export function gameOfCsvRow(row: CsvRow): GameRecord {
  const v = row.values;
  const { key, date } = normaliseGameId(v.game_id ?? '');
  if (v.date !== date) throw new Error(`date '${v.date}' disagrees with game_id '${v.game_id}'`);
  const homeCode = teamCodeOfName(v.home_team ?? '');
  const awayCode = teamCodeOfName(v.away_team ?? '');
  if (gameKeyOf(date, awayCode, homeCode) !== key) throw new Error(`teams ${v.away_team}@${v.home_team} disagree with game_id '${v.game_id}'`);
  const neutral = (v.neutral_site ?? '').trim();
  if (!['', '0', '1'].includes(neutral)) throw new Error(`neutral_site '${neutral}' is not 0, 1 or blank`);
  return {
    date,
    season: int(v.season ?? '', 'season'),
    homeCode,
    awayCode,
    status: 'final',
    homeScore: int(v.home_pts ?? '', 'home_pts'),
    awayScore: int(v.away_pts ?? '', 'away_pts'),
    gameType: v.game_type as GameRecord['gameType'],
    neutralSite: neutral === '' ? null : neutral === '1',
    source: CSV_SOURCE,
  };
}

/** An odds.csv row to up to three closing-line snapshots (h2h, spreads, totals), skipping blanks. */
export function snapshotsOfCsvRow(row: CsvRow): SnapshotRecord[] {
  const v = row.values;
  const { key, date } = normaliseGameId(v.game_id ?? '');
  const base = { gameKey: key, bookmaker: CSV_BOOKMAKER, capturedAt: new Date(`${date}${CSV_CAPTURE_UTC}`), source: CSV_SOURCE };
  const homeMl = optNum(v.home_ml ?? '', 'home_ml');
  const awayMl = optNum(v.away_ml ?? '', 'away_ml');
  const spread = optNum(v.spread_home ?? '', 'spread_home');
  const total = optNum(v.total ?? '', 'total');
  const out: SnapshotRecord[] = [];
  if (homeMl !== null || awayMl !== null) out.push({ ...base, market: 'h2h', homePrice: homeMl, awayPrice: awayMl });
  if (spread !== null) out.push({ ...base, market: 'spreads', homePoint: spread });
  if (total !== null) out.push({ ...base, market: 'totals', totalPoint: total });
  return out;
}

/** Applies `fn` to every row, collecting results and per-line rejections. */
export function mapRows<T>(file: string, rows: readonly CsvRow[], fn: (row: CsvRow) => T | T[]): { items: T[]; rejected: Rejection[] } {
  const items: T[] = [];
  const rejected: Rejection[] = [];
  for (const row of rows) {
    try {
      const r = fn(row);
      if (Array.isArray(r)) items.push(...r);
      else items.push(r);
    } catch (e) {
      rejected.push({ record: `${file} line ${row.line}`, reason: (e as Error).message });
    }
  }
  return { items, rejected };
}
