import fs from 'node:fs';
import path from 'node:path';
import { parseGamesCsv, type GameRecord } from '@nba/features';
import { sharedDataDir } from '@nba/testing';

/** The real games of 2007-08 to 2023-24 by season, or undefined (the test skips, saying why) where the data is absent. */
export function realSeasons(): Map<number, GameRecord[]> | undefined {
  const dir = sharedDataDir();
  if (!dir) return undefined;
  const bySeason = new Map<number, GameRecord[]>();
  for (const g of parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8'))) {
    const list = bySeason.get(g.season) ?? [];
    list.push(g);
    bySeason.set(g.season, list);
  }
  return bySeason;
}
