import type { GameStatus } from '@nba/db';

/**
 * API-Basketball `status.short` to our status. NS not started; Q1-Q4, OT, BT (break), HT (half
 * time) in play; FT and AOT finished; POST postponed; CANC cancelled; SUSP suspended (treated as
 * postponed: it will be played later); AWD awarded and ABD abandoned are final/cancelled.
 */
const API_BASKETBALL_STATUS: Readonly<Record<string, GameStatus>> = {
  NS: 'scheduled',
  TBD: 'scheduled',
  Q1: 'live',
  Q2: 'live',
  Q3: 'live',
  Q4: 'live',
  OT: 'live',
  BT: 'live',
  HT: 'live',
  LIVE: 'live',
  FT: 'final',
  AOT: 'final',
  AWD: 'final',
  POST: 'postponed',
  SUSP: 'postponed',
  INTR: 'postponed',
  CANC: 'cancelled',
  ABD: 'cancelled',
};

/** Our status for an API-Basketball short status, or undefined when the code is unknown. */
export function statusOfApiBasketball(short: string): GameStatus | undefined {
  return API_BASKETBALL_STATUS[short.toUpperCase()];
}

/** Our status for a The Odds API scores event (it only says completed or not, and has scores once started). */
export function statusOfOddsApiScore(completed: boolean, hasScores: boolean): GameStatus {
  if (completed) return 'final';
  return hasScores ? 'live' : 'scheduled';
}
