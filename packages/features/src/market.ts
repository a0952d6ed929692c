import type { ClosingLine } from '@nba/games';

/** Standard deviation of the final margin around the closing spread, used to turn a spread into a probability. */
export const SPREAD_SD = 12.4;

/** Implied probability of American odds (vig included). */
export function americanToProbability(odds: number): number {
  return odds < 0 ? -odds / (-odds + 100) : 100 / (odds + 100);
}

/** De-vigged home probability from both moneylines (proportional normalisation), or NaN. */
export function devigMoneyline(homeMl: number | undefined, awayMl: number | undefined): number {
  if (homeMl === undefined || awayMl === undefined || !Number.isFinite(homeMl) || !Number.isFinite(awayMl)) return NaN;
  const h = americanToProbability(homeMl);
  const a = americanToProbability(awayMl);
  return h / (h + a);
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Home win probability from the home spread, the margin being normal with mean -spread and sd `sd`. */
export function spreadProbability(spreadHome: number, sd: number = SPREAD_SD): number {
  return normalCdf(-spreadHome / sd);
}

/** Market home probability: de-vigged moneyline where present, else from the spread, else NaN. */
export function marketProbability(line: ClosingLine | undefined): number {
  if (!line) return NaN;
  const ml = devigMoneyline(line.homeMl, line.awayMl);
  if (Number.isFinite(ml)) return ml;
  if (line.spreadHome !== undefined && Number.isFinite(line.spreadHome)) return spreadProbability(line.spreadHome);
  return NaN;
}
