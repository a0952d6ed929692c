import { marketForecast } from './baselines';
import type { ShrinkChoice } from './market-shrink-rule';

/**
 * How the market variant's win probability is pulled toward the market (rows with a line only):
 * `p = sigmoid(logit(p_market) + lambda * (logit(p_model) - logit(p_market) - center))`.
 * `center` is the booster's mean correction of the market's log-odds over the last
 * {@link MARKET_CENTER_GAMES} training games with a line (features only, no outcomes), so the
 * model corrects games relative to each other but never moves the market's overall home-court
 * level; `lambda` (≤ 1) shrinks what is left, chosen per model by `chooseShrink` (0 = the market).
 */
export interface MarketShrink {
  lambda: number;
  /** Mean of logit(p_model) - logit(p_market) on the reference games (log-odds). */
  center: number;
  /** Reference games the center was measured on. */
  games: number;
  /** How `lambda` was chosen (absent in models trained before the robust rule, which used a fixed lambda). */
  choice?: ShrinkChoice;
}

/** About one regular season: the games the center is measured on (the last ones with a line). */
export const MARKET_CENTER_GAMES = 1230;

/** Log-odds (clamped to 1e-6 from 0 and 1). */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** Mean of logit(p) - logit(market) over rows with a line (0 without any). */
export function meanMarketCorrection(p: ArrayLike<number>, rows: readonly { values: ArrayLike<number> }[]): number {
  let s = 0;
  let n = 0;
  rows.forEach((r, i) => {
    const m = marketForecast(r.values);
    if (!Number.isFinite(m)) return;
    s += logit(p[i] as number) - logit(m);
    n++;
  });
  return n ? s / n : 0;
}

/** Applies {@link MarketShrink} to a win probability; rows without a market line are left as they are. */
export function shrinkToMarket(p: number, full: ArrayLike<number>, s: MarketShrink | undefined): number {
  const m = marketForecast(full);
  if (!s || !Number.isFinite(m)) return p;
  const k = logit(m);
  return 1 / (1 + Math.exp(-(k + s.lambda * (logit(p) - k - s.center))));
}
