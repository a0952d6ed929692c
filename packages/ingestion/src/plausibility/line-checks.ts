import { devigMoneyline } from '@nba/features';
import { BOUNDS as B } from './bounds';
import type { Finding } from './findings';
import { moneylineSpreadGap } from './implied-probability';

/** The values of a line that the consistency checks compare. */
export interface LineValues {
  capturedAt: Date;
  homePrice?: number | null;
  awayPrice?: number | null;
  homePoint?: number | null;
  totalPoint?: number | null;
}

/** A moneyline pair against the same bookmaker's spread: their home probabilities must roughly agree. */
export function checkMoneylineAgainstSpread(h2h: LineValues, spread: LineValues): Finding | undefined {
  if (h2h.homePrice == null || h2h.awayPrice == null || spread.homePoint == null) return undefined;
  const gap = moneylineSpreadGap(h2h.homePrice, h2h.awayPrice, spread.homePoint);
  if (gap <= B.moneylineSpreadMaxGap) return undefined;
  const ml = devigMoneyline(h2h.homePrice, h2h.awayPrice);
  return {
    reason: 'moneyline_spread_disagree',
    detail:
      `moneyline ${h2h.homePrice}/${h2h.awayPrice} (home ${(ml * 100).toFixed(1)}%) contradicts home spread ${spread.homePoint}: ` +
      `gap ${gap.toFixed(3)} > ${B.moneylineSpreadMaxGap}`,
  };
}

/** A snapshot against the previous one of the same game, bookmaker and market. */
export function checkMove(
  market: 'h2h' | 'spreads' | 'totals',
  prev: LineValues,
  next: LineValues,
): Finding | undefined {
  const moved = (what: string, from: number, to: number, max: number): Finding | undefined =>
    Math.abs(to - from) > max
      ? {
          reason: 'line_moved_implausibly',
          detail: `${what} moved from ${from} to ${to} since ${prev.capturedAt.toISOString()} (more than ${max})`,
        }
      : undefined;
  if (market === 'spreads' && prev.homePoint != null && next.homePoint != null)
    return moved('home spread', prev.homePoint, next.homePoint, B.spreadMoveMax);
  if (market === 'totals' && prev.totalPoint != null && next.totalPoint != null)
    return moved('total', prev.totalPoint, next.totalPoint, B.totalMoveMax);
  if (
    market === 'h2h' &&
    prev.homePrice != null &&
    prev.awayPrice != null &&
    next.homePrice != null &&
    next.awayPrice != null
  ) {
    const from = devigMoneyline(prev.homePrice, prev.awayPrice);
    const to = devigMoneyline(next.homePrice, next.awayPrice);
    const f = moved(
      'moneyline home probability',
      Number(from.toFixed(3)),
      Number(to.toFixed(3)),
      B.moneylineProbMoveMax,
    );
    return (
      f && { ...f, detail: `${f.detail}: ${prev.homePrice}/${prev.awayPrice} -> ${next.homePrice}/${next.awayPrice}` }
    );
  }
  return undefined;
}
