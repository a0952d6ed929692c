import type { CsvClosingLine, GameRecord as CsvGame } from '@nba/games';
import type { GameRecord, SnapshotRecord } from '../store/records';

/** Bookmaker and source of CSV closing lines. */
export const CSV_BOOKMAKER = 'closing';
export const CSV_SOURCE = 'csv';
/**
 * Capture time given to CSV closing lines: 15:00 UTC on the game date (10 or 11 am Eastern),
 * before any NBA tip-off, so they count as closing lines by the "last before tip-off" rule.
 */
export const CSV_CAPTURE_UTC = 'T15:00:00.000Z';

/**
 * A games.csv game (read by @nba/games' one mapping and validation) as the record to store: final
 * with its scores. The history holds played games only, so a row without scores is left out.
 */
export function storedGameOfCsv(game: CsvGame): GameRecord {
  if (game.homePts === undefined || game.awayPts === undefined)
    throw new Error('no final score (home_pts and away_pts are blank)');
  return {
    date: game.date,
    season: game.season,
    homeCode: game.home,
    awayCode: game.away,
    status: 'final',
    homeScore: game.homePts,
    awayScore: game.awayPts,
    gameType: game.gameType,
    neutralSite: game.neutral,
    source: CSV_SOURCE,
  };
}

/** An odds.csv closing line as up to three snapshots to store (h2h, spreads, totals), skipping what it lacks. */
export function snapshotsOfCsvLine({ id, date, line }: CsvClosingLine): SnapshotRecord[] {
  const base = {
    gameKey: id,
    bookmaker: CSV_BOOKMAKER,
    capturedAt: new Date(`${date}${CSV_CAPTURE_UTC}`),
    source: CSV_SOURCE,
  };
  const out: SnapshotRecord[] = [];
  if (line.homeMl !== undefined && line.awayMl !== undefined)
    out.push({ ...base, market: 'h2h', homePrice: line.homeMl, awayPrice: line.awayMl });
  if (line.spreadHome !== undefined) out.push({ ...base, market: 'spreads', homePoint: line.spreadHome });
  if (line.total !== undefined) out.push({ ...base, market: 'totals', totalPoint: line.total });
  return out;
}
