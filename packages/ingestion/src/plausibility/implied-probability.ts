import { devigMoneyline, spreadProbability } from '@nba/features';

/** Implied probability of American odds, vig included (`-150` -> 0.6, `+150` -> 0.4). */
export function americanProbability(price: number): number {
  return price < 0 ? -price / (-price + 100) : 100 / (price + 100);
}

/** How far the moneyline's de-vigged home probability is from the spread's (normal margin, sd 12.4). */
export function moneylineSpreadGap(homePrice: number, awayPrice: number, homePoint: number): number {
  return Math.abs(devigMoneyline(homePrice, awayPrice) - spreadProbability(homePoint));
}
