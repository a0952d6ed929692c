import type { GameType } from '@nba/config';

/** The facts about a game known before tip-off (what a hypothetical matchup also has). */
export interface Matchup {
  /** Season, ending-year convention (2024 = 2023-24). */
  season: number;
  /** US Eastern calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Home (or designated home) team code. */
  home: string;
  away: string;
  gameType: GameType;
  /** `true` neutral site, `false` home arena, `null` unknown (treated as home arena). */
  neutral: boolean | null;
}

/** One game; the scores are absent for games not yet played. */
export interface GameRecord extends Matchup {
  id: string;
  homePts?: number;
  awayPts?: number;
}

/** Closing line for a game; any field may be missing. */
export interface ClosingLine {
  /** American odds. */
  homeMl?: number;
  awayMl?: number;
  /** Home spread: negative means home favoured. */
  spreadHome?: number;
  /** Over/under line. */
  total?: number;
}

/** A finished game: both scores known. */
export type FinishedGame = GameRecord & { homePts: number; awayPts: number };

/** True when the game has both scores. */
export function isFinished(game: GameRecord): game is FinishedGame {
  return typeof game.homePts === 'number' && typeof game.awayPts === 'number';
}
