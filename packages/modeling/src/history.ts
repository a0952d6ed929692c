import fs from 'node:fs';
import { parseGamesCsv, parseOddsCsv, type ClosingLine, type GameRecord } from '@nba/games';
import { ModelingError } from './errors';

/** Reads games.csv and (optionally) odds.csv files. */
export function loadGamesCsv(
  gamesPath: string,
  oddsPath?: string,
): { games: GameRecord[]; lines: Map<string, ClosingLine> } {
  try {
    const games = parseGamesCsv(fs.readFileSync(gamesPath, 'utf8'));
    const lines = oddsPath ? parseOddsCsv(fs.readFileSync(oddsPath, 'utf8')) : new Map<string, ClosingLine>();
    return { games, lines };
  } catch (err) {
    throw new ModelingError(
      'INVALID_INPUT',
      `cannot read ${gamesPath}${oddsPath ? ` / ${oddsPath}` : ''}: ${(err as Error).message}`,
      { cause: err },
    );
  }
}
