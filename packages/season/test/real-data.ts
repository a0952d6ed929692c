import fs from 'node:fs';
import path from 'node:path';
import { parseGamesCsv, type GameRecord } from '@nba/games';
import { sharedDataDir } from '@nba/testing';

/** The real games by season. */
export type RealSeasons = Map<number, GameRecord[]>;

/** The real games of 2007-08 to 2023-24 by season, or undefined (the test skips, saying why) where the data is absent. */
export function realSeasons(): RealSeasons | undefined {
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

/** The games of `season` (an error naming the season where the data lacks it). */
export function gamesOf(seasons: RealSeasons, season: number): GameRecord[] {
  const games = seasons.get(season);
  if (!games) throw new Error(`season ${season} is not in the real games`);
  return games;
}

/** Games with a final score (the ones a simulation takes as played). */
export function scored(games: readonly GameRecord[]): (GameRecord & { homePts: number; awayPts: number })[] {
  return games.filter(
    (g): g is GameRecord & { homePts: number; awayPts: number } => g.homePts !== undefined && g.awayPts !== undefined,
  );
}

/** No seasons: what the skipped tests see where the data is absent. */
export function noSeasons(): RealSeasons {
  return new Map<number, GameRecord[]>();
}
