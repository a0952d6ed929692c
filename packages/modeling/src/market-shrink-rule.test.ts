import {
  chooseShrink,
  correctionCurvature,
  fitCorrectionWeight,
  MARKET_SHRINK_MIN_GAMES,
  MARKET_ZERO_SKILL_BUDGET,
} from './market-shrink-rule';

/** A deterministic pseudo-random stream (mulberry32), so the tests never depend on luck. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Games whose true log-odds are the market's plus `skill` times the correction. */
function evidence(n: number, skill: number, size: number, seed = 1) {
  const r = rng(seed);
  const marketLogit: number[] = [];
  const correction: number[] = [];
  const homeWin: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = (r() - 0.5) * 3;
    const u = (r() - 0.5) * 2 * size;
    marketLogit.push(m);
    correction.push(u);
    homeWin.push(r() < 1 / (1 + Math.exp(-(m + skill * u))) ? 1 : 0);
  }
  return { marketLogit, correction, homeWin };
}

describe('market shrink rule', () => {
  it('fits the weight of a correction that carries the truth, with a standard error that shrinks with more games', () => {
    const small = fitCorrectionWeight(evidence(2000, 1, 1));
    const large = fitCorrectionWeight(evidence(20000, 1, 1));
    expect(Math.abs(large.fitted - 1)).toBeLessThan(3 * large.se);
    expect(large.se).toBeLessThan(small.se / 2);
  });

  it('keeps a proven small correction, lowered by one standard error', () => {
    const e = evidence(100000, 1, 0.05);
    const c = chooseShrink(e, 1);
    expect(c.lambda).toBeGreaterThan(0);
    expect(c.cap).toBeGreaterThan(1);
    expect(c.lambda).toBeCloseTo(Math.min(1, (c.fitted as number) - (c.se as number)), 10);
  });

  it('falls back to the market (lambda 0) when the correction has no skill or the wrong sign', () => {
    expect(chooseShrink(evidence(3000, 0, 0.3, 2), 1).lambda).toBe(0);
    expect(chooseShrink(evidence(3000, -1, 0.3, 3), 1).lambda).toBe(0);
  });

  it('caps a large correction so that without skill it would cost at most the budget', () => {
    const e = evidence(20000, 1, 1.5);
    const c = chooseShrink(e, 1);
    expect(c.cap).toBeCloseTo(Math.sqrt((2 * MARKET_ZERO_SKILL_BUDGET) / correctionCurvature(e)), 12);
    expect(c.lambda).toBe(c.cap);
    expect(((c.lambda * c.lambda) / 2) * correctionCurvature(e)).toBeCloseTo(MARKET_ZERO_SKILL_BUDGET, 12);
  });

  it('trusts nothing on too few games, and has nothing to fit without a correction', () => {
    const few = chooseShrink(evidence(MARKET_SHRINK_MIN_GAMES - 1, 1, 0.5), 1);
    expect(few).toMatchObject({ lambda: 0, fitted: null, se: null });
    const none = chooseShrink({ marketLogit: [0.1, 0.2], correction: [0, 0], homeWin: [1, 0] }, 1);
    expect(none).toMatchObject({ lambda: 0, cap: null });
  });

  it('never exceeds the largest lambda allowed', () => {
    expect(chooseShrink(evidence(50000, 2, 0.05), 0.3).lambda).toBe(0.3);
  });
});
