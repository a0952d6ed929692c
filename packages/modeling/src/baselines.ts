import type { Variant } from '@nba/features';
import { feature } from './dataset';

/** Points of margin per Elo point (FiveThirtyEight: spread = Elo difference / 28). */
export const ELO_POINTS_PER_MARGIN = 28;

/** Share of home wins in a set of outcomes: the home-team-rate forecast. */
export function homeRate(homeWin: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < homeWin.length; i++) s += homeWin[i] as number;
  return homeWin.length ? s / homeWin.length : 0.5;
}

/** The Elo forecast carried in a feature vector. */
export function eloForecast(values: ArrayLike<number>): number {
  return feature(values, 'elo_prob');
}

/** The market forecast (de-vigged moneyline, else spread) carried in a feature vector; NaN when absent. */
export function marketForecast(values: ArrayLike<number>): number {
  return feature(values, 'market_prob');
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** Log-odds per point of expected margin (normal with sd 12.4, logistic approximation 1.702 / 12.4). */
export const LOGIT_PER_POINT = 1.702 / 12.4;

/**
 * Log-odds per damped point of the ridge rating margin (`ridge_margin`): the slope of a logistic
 * regression of home wins on it, fitted on seasons 2009-2015 only.
 */
export const RIDGE_LOGIT_PER_POINT = 0.24;

/**
 * Starting point (log-odds) the win model corrects: the market's logit for the market variant when
 * the line exists, else the decayed ridge rating margin turned into log-odds.
 */
export function winOffset(values: ArrayLike<number>, variant: Variant): number {
  const m = marketForecast(values);
  if (variant === 'market' && Number.isFinite(m)) return logit(m);
  const r = feature(values, 'ridge_margin');
  return Number.isFinite(r) ? RIDGE_LOGIT_PER_POINT * r : logit(eloForecast(values));
}

/** Points of home margin per damped point of the ridge rating margin (least squares on seasons 2009-2015 only). */
export const MARGIN_PER_RIDGE_POINT = 1.45;

/** Starting point of the margin model: minus the closing spread (market variant), else the ridge rating margin in points, else Elo difference / 28. */
export function marginOffset(values: ArrayLike<number>, variant: Variant): number {
  const s = feature(values, 'market_spread');
  if (variant === 'market' && Number.isFinite(s)) return -s;
  const r = feature(values, 'ridge_margin');
  return Number.isFinite(r) ? MARGIN_PER_RIDGE_POINT * r : feature(values, 'elo_diff') / ELO_POINTS_PER_MARGIN;
}

/** Starting point of the total model: the closing total (market variant), else the form-based expected total, else `fallback`. */
export function totalOffset(values: ArrayLike<number>, variant: Variant, fallback: number): number {
  const t = feature(values, 'market_total');
  if (variant === 'market' && Number.isFinite(t)) return t;
  const e = feature(values, 'expected_total');
  return Number.isFinite(e) ? e : fallback;
}
