import type { GameType } from '@nba/config';

/** Closing line of a game (American odds; spread negative when the home team is favoured). */
export interface LeagueLine {
  homeMl: number | null;
  awayMl: number | null;
  spreadHome: number | null;
  total: number | null;
}

/** One game as the stand-in servers serve it, from a CSV or the generated league. */
export interface LeagueGame {
  /** `YYYYMMDD_AWAY_HOME`. */
  gameKey: string;
  season: number;
  /** US Eastern date. */
  date: string;
  tipoff: Date;
  homeCode: string;
  awayCode: string;
  status: 'scheduled' | 'live' | 'final' | 'postponed' | 'cancelled';
  homeScore: number | null;
  awayScore: number | null;
  gameType: GameType;
  /** The id API-Basketball's stand-in gives the game. */
  apiBasketballId: number;
  /** The id The Odds API's stand-in gives the event (32 hex digits). */
  oddsApiId: string;
  line: LeagueLine | null;
}
