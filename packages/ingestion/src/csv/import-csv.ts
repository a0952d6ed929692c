import { basename } from 'node:path';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { logRejections } from '../store/log-rejections';
import { upsertGames, type UpsertSummary } from '../store/upsert-games';
import { upsertOddsSnapshots } from '../store/upsert-odds';
import type { Rejection } from '../rejection';
import type { SnapshotRecord } from '../store/records';
import { csvRows } from './csv-rows';
import { readCsvFile } from './read-csv-file';
import {
  closingLineOfCsvRow,
  gameOfCsvRow,
  GAMES_CSV_COLUMNS,
  mapCsvRows,
  ODDS_CSV_COLUMNS,
  type CsvRow,
} from '@nba/games';
import { snapshotsOfCsvLine, storedGameOfCsv } from './csv-records';

export interface ImportCsvOptions {
  /** Path of games.csv. */
  gamesCsv: string;
  /** Path of odds.csv (optional: games only without it). */
  oddsCsv?: string;
  logger: Logger;
  isDemo?: boolean;
}

export interface ImportCsvSummary {
  gameRows: number;
  oddsRows: number;
  games: UpsertSummary;
  /** Odds snapshots (up to three per odds row: h2h, spreads, totals). */
  snapshots: UpsertSummary;
  /** Rows that could not be read at all (bad game_id, team, number…), with line numbers. */
  unreadable: Rejection[];
  seasons: { first: number; last: number } | null;
  durationMs: number;
}

/**
 * Loads games.csv (and odds.csv) in the format of `../shared/data/nba` into the database with
 * bulk upserts. Idempotent: a second run reports everything unchanged.
 */
export async function importCsv(db: DbClient, options: ImportCsvOptions): Promise<ImportCsvSummary> {
  const started = Date.now();
  const gamesFile = basename(options.gamesCsv);
  const gameRows = csvRows(await readCsvFile(options.gamesCsv), GAMES_CSV_COLUMNS);
  // @nba/games' one mapping and validation, then the records to store (plausibility is checked by the upserts)
  const games = mapCsvRows(gamesFile, gameRows, (row: CsvRow) => storedGameOfCsv(gameOfCsvRow(row)));
  let oddsRows = 0;
  let odds = { items: [] as SnapshotRecord[], rejected: [] as Rejection[] };
  if (options.oddsCsv) {
    const rows = csvRows(await readCsvFile(options.oddsCsv), ODDS_CSV_COLUMNS);
    oddsRows = rows.length;
    odds = mapCsvRows(basename(options.oddsCsv), rows, (row: CsvRow) => snapshotsOfCsvLine(closingLineOfCsvRow(row)));
  }
  const unreadable = [...games.rejected, ...odds.rejected];
  logRejections(options.logger, 'csv row', unreadable);
  const upsertOptions = { logger: options.logger, isDemo: options.isDemo ?? false };
  const gameSummary = await upsertGames(db, games.items, upsertOptions);
  const snapshotSummary = await upsertOddsSnapshots(db, odds.items, upsertOptions);
  const seasons = games.items.flatMap((g) => (g.season === undefined ? [] : [g.season]));
  const summary: ImportCsvSummary = {
    gameRows: gameRows.length,
    oddsRows,
    games: gameSummary,
    snapshots: snapshotSummary,
    unreadable,
    seasons: seasons.length ? { first: Math.min(...seasons), last: Math.max(...seasons) } : null,
    durationMs: Date.now() - started,
  };
  options.logger.info('csv import finished', {
    gameRows: summary.gameRows,
    oddsRows: summary.oddsRows,
    games: countsOf(gameSummary),
    snapshots: countsOf(snapshotSummary),
    unreadable: unreadable.length,
    durationMs: summary.durationMs,
  });
  return summary;
}

const countsOf = (s: UpsertSummary) => ({
  inserted: s.inserted,
  updated: s.updated,
  unchanged: s.unchanged,
  rejected: s.rejected,
});

/** One-line human summary, e.g. for the `import-csv` command. */
export function formatImportSummary(s: ImportCsvSummary): string {
  const c = (u: UpsertSummary) =>
    `${u.inserted} inserted, ${u.updated} updated, ${u.unchanged} unchanged, ${u.rejected} rejected`;
  const seasons = s.seasons ? ` (seasons ${s.seasons.first}-${s.seasons.last})` : '';
  return (
    `games: ${s.gameRows} rows${seasons}: ${c(s.games)}; lines: ${s.oddsRows} rows -> snapshots: ${c(s.snapshots)}; unreadable rows: ` +
    `${s.unreadable.length}; ${(s.durationMs / 1000).toFixed(2)} s`
  );
}
