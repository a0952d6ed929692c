// The real games with their closing spreads, in date order, for the benchmark and the studies.
import fs from 'node:fs';
import path from 'node:path';
import { parseGamesCsv, parseOddsCsv } from '@nba/games';
import type { LinedGame } from '../index';

/** Every game of games.csv with its closing spread from odds.csv, sorted by date. */
export function loadHistory(dir: string): LinedGame[] {
  const lines = parseOddsCsv(fs.readFileSync(path.join(dir, 'odds.csv'), 'utf8'));
  return parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8'))
    .map((g) => {
      const spread = lines.get(g.id)?.spreadHome;
      return { ...g, ...(spread !== undefined ? { spreadHome: spread } : {}) };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
