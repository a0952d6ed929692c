import { parse } from 'csv-parse/sync';
import { isGameType } from '@nba/config';
import { FeaturesError } from './errors';
import type { ClosingLine, GameRecord } from './types';

/** One CSV record by column name, with the 1-based line of the file it starts on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** A parsed CSV text: the header's column names (trimmed) and the records under it. */
export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

/**
 * The one CSV reader of the system (csv-parse): RFC 4180 text with a header line, quoted fields
 * (commas, doubled quotes and line breaks inside), CRLF, LF or CR line ends, an optional BOM. Blank
 * lines are skipped; a record shorter than the header gets '' for the missing fields, extra fields
 * are ignored. Text that is not CSV (a quote never closed) is an INVALID_CSV error.
 */
export function parseCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (e) {
    throw new FeaturesError('INVALID_CSV', `not valid CSV: ${(e as Error).message}`, { cause: e });
  }
  const header = records[0] ?? [];
  const columns = header.map((c) => c.trim());
  const rows: CsvRow[] = [];
  // Blank lines are kept by the parser (as one empty field) only so that line numbers can be counted.
  let line = 1 + lineBreaks(header);
  for (let r = 1; r < records.length; r++) {
    const fields = records[r] as string[];
    line++;
    if (fields.length === 1 && fields[0] === '') continue;
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i] as string] = fields[i] ?? '';
    rows.push({ line, values });
    line += lineBreaks(fields);
  }
  return { columns, rows };
}

/** Line breaks inside quoted fields: the next record starts that many lines further down. */
function lineBreaks(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) if (f.includes('\n')) n += f.split('\n').length - 1;
  return n;
}

function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function need(row: Record<string, string>, col: string, line: number): string {
  const v = row[col];
  if (v === undefined || v === '') throw new FeaturesError('INVALID_GAME', `games.csv line ${line}: missing ${col}`);
  return v;
}

/** Parses games.csv (`game_id,season,date,home_team,away_team,home_pts,away_pts,is_playoffs,game_type,neutral_site`). */
export function parseGamesCsv(text: string): GameRecord[] {
  return parseCsv(text).rows.map(({ line, values: r }) => {
    const gameType = need(r, 'game_type', line);
    if (!isGameType(gameType)) throw new FeaturesError('INVALID_GAME', `games.csv line ${line}: game_type ${gameType}`);
    const neutral = r['neutral_site'];
    const g: GameRecord = {
      id: need(r, 'game_id', line),
      season: Number(need(r, 'season', line)),
      date: need(r, 'date', line),
      home: need(r, 'home_team', line),
      away: need(r, 'away_team', line),
      gameType,
      neutral: neutral === '1' ? true : neutral === '0' ? false : null,
    };
    const hp = num(r['home_pts']);
    const ap = num(r['away_pts']);
    if (hp !== undefined && ap !== undefined) {
      g.homePts = hp;
      g.awayPts = ap;
    }
    return g;
  });
}

/** Parses odds.csv (`game_id,home_ml,away_ml,spread_home,total,...`) into closing lines by game id. */
export function parseOddsCsv(text: string): Map<string, ClosingLine> {
  const out = new Map<string, ClosingLine>();
  for (const { values: r } of parseCsv(text).rows) {
    const id = r['game_id'];
    if (!id) continue;
    const line: ClosingLine = {};
    const homeMl = num(r['home_ml']);
    const awayMl = num(r['away_ml']);
    const spread = num(r['spread_home']);
    const total = num(r['total']);
    if (homeMl !== undefined && awayMl !== undefined) {
      line.homeMl = homeMl;
      line.awayMl = awayMl;
    }
    if (spread !== undefined) line.spreadHome = spread;
    if (total !== undefined) line.total = total;
    out.set(id, line);
  }
  return out;
}
