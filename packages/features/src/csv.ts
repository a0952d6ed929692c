import { FeaturesError } from './errors';
import type { ClosingLine, GameRecord, GameType } from './types';

const GAME_TYPES: ReadonlySet<string> = new Set(['regular', 'playin', 'cup_final', 'playoffs']);

/** Splits one CSV line; handles double-quoted fields (with "" escapes). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** Rows of a CSV text as objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = splitCsvLine(lines[i] as string);
    const row: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) row[header[j] as string] = cells[j] ?? '';
    rows.push(row);
  }
  return rows;
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
  return parseCsv(text).map((r, i) => {
    const gameType = need(r, 'game_type', i + 2);
    if (!GAME_TYPES.has(gameType)) throw new FeaturesError('INVALID_GAME', `games.csv line ${i + 2}: game_type ${gameType}`);
    const neutral = r['neutral_site'];
    const g: GameRecord = {
      id: need(r, 'game_id', i + 2),
      season: Number(need(r, 'season', i + 2)),
      date: need(r, 'date', i + 2),
      home: need(r, 'home_team', i + 2),
      away: need(r, 'away_team', i + 2),
      gameType: gameType as GameType,
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
  for (const r of parseCsv(text)) {
    const id = r['game_id'];
    if (!id) continue;
    const line: ClosingLine = {};
    const homeMl = num(r['home_ml']);
    const awayMl = num(r['away_ml']);
    const spread = num(r['spread_home']);
    const total = num(r['total']);
    if (homeMl !== undefined && awayMl !== undefined) (line.homeMl = homeMl), (line.awayMl = awayMl);
    if (spread !== undefined) line.spreadHome = spread;
    if (total !== undefined) line.total = total;
    out.set(id, line);
  }
  return out;
}
