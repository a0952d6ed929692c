import type { GameRecord, SnapshotRecord } from '../store/records';
import { BOUNDS as B } from './bounds';
import type { Finding } from './findings';
import { americanProbability } from './implied-probability';

/**
 * A game's scores against what the NBA has produced (bounds.ts). A live game's score may be low;
 * only final scores have a minimum.
 */
export function checkGameValues(g: GameRecord): Finding | undefined {
  const final = g.status === 'final';
  const min = final ? B.teamPointsMin : 0;
  for (const [side, pts] of [
    ['home', g.homeScore],
    ['away', g.awayScore],
  ] as const) {
    if (typeof pts === 'number' && (pts < min || pts > B.teamPointsMax)) {
      return { reason: 'points_out_of_range', detail: `${side} score ${pts} outside ${min}..${B.teamPointsMax}` };
    }
  }
  if (final && typeof g.homeScore === 'number' && typeof g.awayScore === 'number') {
    const sum = g.homeScore + g.awayScore;
    if (sum < B.gamePointsMin || sum > B.gamePointsMax) {
      return {
        reason: 'points_out_of_range',
        detail: `game total ${sum} outside ${B.gamePointsMin}..${B.gamePointsMax}`,
      };
    }
  }
  return undefined;
}

function checkPair(what: string, a: number | null | undefined, b: number | null | undefined): Finding | undefined {
  for (const p of [a, b]) {
    if (p != null && (p < B.priceMin || p > B.priceMax)) {
      return { reason: 'price_out_of_range', detail: `${what} price ${p} outside ${B.priceMin}..+${B.priceMax}` };
    }
  }
  if (a == null || b == null) return undefined;
  const overround = americanProbability(a) + americanProbability(b);
  if (overround < B.overroundMin || overround > B.overroundMax) {
    return {
      reason: 'overround_out_of_range',
      detail: `${what} prices ${a}/${b} imply ${overround.toFixed(3)} in all, outside ${B.overroundMin}..${B.overroundMax}`,
    };
  }
  return undefined;
}

/** One snapshot's points and prices against what bookmakers have quoted (bounds.ts). */
export function checkSnapshotValues(s: SnapshotRecord): Finding | undefined {
  if (s.market === 'spreads' && s.homePoint != null && Math.abs(s.homePoint) > B.spreadAbsMax) {
    return {
      reason: 'spread_out_of_range',
      detail: `home spread ${s.homePoint} outside -${B.spreadAbsMax}..+${B.spreadAbsMax}`,
    };
  }
  if (s.market === 'totals' && s.totalPoint != null && (s.totalPoint < B.totalMin || s.totalPoint > B.totalMax)) {
    return { reason: 'total_out_of_range', detail: `total ${s.totalPoint} outside ${B.totalMin}..${B.totalMax}` };
  }
  return checkPair(
    s.market === 'totals' ? 'over/under' : `${s.market} home/away`,
    s.market === 'totals' ? s.overPrice : s.homePrice,
    s.market === 'totals' ? s.underPrice : s.awayPrice,
  );
}
