import { normalCdf } from '@nba/features';
import type { Rng } from './rng';
import type { LeagueLine } from './league-game';

/** Margin standard deviation used to turn a spread into a win probability. */
export const MARGIN_SD = 12;
/** Bookmaker margin on a pick'em moneyline (4.5 %: -110/-110), shrinking towards lopsided games. */
const VIG = 0.045;

/** Implied probability with the bookmaker's margin added: p + VIG/2 scaled by how close the game is. */
export function withVig(p: number): number {
  return p + (VIG / 2) * (Math.min(p, 1 - p) / 0.5);
}

const half = (x: number) => Math.round(x * 2) / 2;

/** American odds of an implied probability (which includes the vig). */
export function americanOdds(q: number): number {
  const p = Math.min(0.995, Math.max(0.005, q));
  return p >= 0.5 ? -Math.round((100 * p) / (1 - p)) : Math.round((100 * (1 - p)) / p);
}

/**
 * The closing line of a game the market expects the home team to win by `expectedMargin` with
 * `expectedTotal` points: the spread is the market's estimate (true value plus noise), the
 * moneylines follow from it with vig, the total likewise.
 */
export function closingLine(rng: Rng, expectedMargin: number, expectedTotal: number): LeagueLine {
  const estimate = expectedMargin + rng.normal(0, 1.2);
  const pHome = normalCdf(estimate / MARGIN_SD);
  return {
    spreadHome: half(-estimate) || 0,
    homeMl: americanOdds(withVig(pHome)),
    awayMl: americanOdds(withVig(1 - pHome)),
    total: half(expectedTotal + rng.normal(0, 2.5)),
  };
}
