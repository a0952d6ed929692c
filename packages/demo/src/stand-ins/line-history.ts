import { createHash } from 'node:crypto';
import { americanOdds, MARGIN_SD, withVig } from '../league/market';
import { normalCdf } from '@nba/features';
import type { LeagueGame } from '../league/league-game';
import { required } from '@nba/errors';

/** A bookmaker's line on a game as of a capture time. */
export interface LineSnapshot {
  bookmaker: string;
  capturedAt: Date;
  homeMl: number | null;
  awayMl: number | null;
  spreadHome: number | null;
  total: number | null;
  /** Prices of the spread: home, away. */
  spreadPrices: [number, number];
}

/** Bookmakers the Odds API stand-in quotes, with their spread prices. */
export const STAND_IN_BOOKMAKERS: readonly { key: string; title: string; spreadPrices: [number, number] }[] = [
  { key: 'draftkings', title: 'DraftKings', spreadPrices: [-110, -110] },
  { key: 'fanduel', title: 'FanDuel', spreadPrices: [-112, -108] },
];
/** The opening line appears 30 h before tip-off, the closing line 1 h before. */
export const OPEN_BEFORE_MS = 30 * 3600_000;
export const CLOSE_BEFORE_MS = 3600_000;

function drift(key: string): number {
  const b = createHash('md5').update(`drift:${key}`).digest();
  return required([-1, -0.5, 0.5, 1][(b[0] ?? 0) % 4], 'a drift step');
}

/**
 * The line history of a game: an opening line (the closing spread moved by half a point to a
 * point, moneylines following it) and the closing line of the data set, for each bookmaker.
 */
export function lineHistory(g: LeagueGame): LineSnapshot[] {
  if (!g.line) return [];
  const close = g.line;
  const d = drift(g.gameKey);
  const openSpread = close.spreadHome === null ? null : close.spreadHome + d;
  const pHome = openSpread === null ? null : normalCdf(-openSpread / MARGIN_SD);
  const open = {
    spreadHome: openSpread,
    total: close.total === null ? null : close.total - d,
    homeMl: close.homeMl === null || pHome === null ? close.homeMl : americanOdds(withVig(pHome)),
    awayMl: close.awayMl === null || pHome === null ? close.awayMl : americanOdds(withVig(1 - pHome)),
  };
  const t = g.tipoff.getTime();
  return STAND_IN_BOOKMAKERS.flatMap((b) => [
    { bookmaker: b.key, capturedAt: new Date(t - OPEN_BEFORE_MS), ...open, spreadPrices: b.spreadPrices },
    { bookmaker: b.key, capturedAt: new Date(t - CLOSE_BEFORE_MS), ...close, spreadPrices: b.spreadPrices },
  ]);
}

/** Each bookmaker's latest snapshot captured at or before `at`. */
export function linesAsOf(g: LeagueGame, at: Date): LineSnapshot[] {
  const latest = new Map<string, LineSnapshot>();
  for (const s of lineHistory(g)) if (s.capturedAt <= at) latest.set(s.bookmaker, s);
  return [...latest.values()];
}
