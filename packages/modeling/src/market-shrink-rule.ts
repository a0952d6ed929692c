/**
 * How much of the booster's (centred) correction of the market a market-aware model keeps: the
 * robust rule behind the guardrail "never worse than the market by more than 0.0005 on a season
 * it has not seen". Two independent limits, both measured on the model's validation slice (its
 * last training season, games with a line, which the booster was not fitted on):
 *
 * 1. Uncertainty: `lambda` is the weight of the correction fitted by maximum likelihood on those
 *    games, minus {@link MARKET_SHRINK_Z} of its standard error, so a correction that has not proven
 *    itself on held-out games gets 0 (the market as it is).
 * 2. Size: a correction with no skill at all costs about `lambda² · H / 2` of log loss, where
 *    `H = mean p(1-p)·u²` (u the centred correction, p the market) needs no outcomes; `lambda` is
 *    capped so that this cost stays under {@link MARKET_ZERO_SKILL_BUDGET}.
 *
 * Chosen on walk-forward seasons 2010-2015 only (seeds 1, 3, 7): the rules tried and their worst
 * season are in BENCHMARKS.md ("Market-aware guardrail").
 */

/** Standard errors taken off the fitted weight (one-sided: about 84% sure the kept weight is not too high). */
export const MARKET_SHRINK_Z = 1;

/** Largest log-loss cost a correction with no skill may have (a fifth of the 0.0005 guardrail). */
export const MARKET_ZERO_SKILL_BUDGET = 0.0001;

/** Fewer held-out games with a line than this: the correction is not trusted (lambda 0). */
export const MARKET_SHRINK_MIN_GAMES = 200;

/** Held-out games with a line: market log-odds, the centred correction (log-odds), the outcome. */
export interface ShrinkEvidence {
  marketLogit: ArrayLike<number>;
  correction: ArrayLike<number>;
  homeWin: ArrayLike<number>;
}

/** The kept weight and what it was chosen from (stored with the model, shown nowhere else). */
export interface ShrinkChoice {
  lambda: number;
  /** Maximum-likelihood weight of the correction on the evidence (null: too few games, or no correction to fit). */
  fitted: number | null;
  /** Its standard error (null with `fitted`). */
  se: number | null;
  /** The size cap from {@link MARKET_ZERO_SKILL_BUDGET} (null: no correction, nothing to cap). */
  cap: number | null;
  /** Evidence games. */
  games: number;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Maximum-likelihood weight of the correction in `sigmoid(marketLogit + w * correction)`, with its standard error. */
export function fitCorrectionWeight(e: ShrinkEvidence): { fitted: number; se: number } {
  const n = e.homeWin.length;
  let w = 0;
  let info = 0;
  for (let it = 0; it < 50; it++) {
    let grad = 0;
    info = 0;
    for (let i = 0; i < n; i++) {
      const u = e.correction[i] as number;
      const p = sigmoid((e.marketLogit[i] as number) + w * u);
      grad += (p - (e.homeWin[i] as number)) * u;
      info += p * (1 - p) * u * u;
    }
    if (!(info > 1e-12)) return { fitted: NaN, se: Infinity };
    const step = grad / info;
    w -= step;
    if (Math.abs(step) < 1e-9) break;
  }
  return Number.isFinite(w) ? { fitted: w, se: 1 / Math.sqrt(info) } : { fitted: NaN, se: Infinity };
}

/** Mean `p(1-p)·u²` of the evidence: the curvature that prices a correction without skill. */
export function correctionCurvature(e: Pick<ShrinkEvidence, 'marketLogit' | 'correction'>): number {
  const n = e.correction.length;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const p = sigmoid(e.marketLogit[i] as number);
    h += p * (1 - p) * (e.correction[i] as number) ** 2;
  }
  return n ? h / n : 0;
}

/** The robust weight (see the module comment), never above `maxLambda`. */
export function chooseShrink(e: ShrinkEvidence, maxLambda: number): ShrinkChoice {
  const games = e.homeWin.length;
  const h = correctionCurvature(e);
  const cap = h > 0 ? Math.sqrt((2 * MARKET_ZERO_SKILL_BUDGET) / h) : null;
  if (games < MARKET_SHRINK_MIN_GAMES) return { lambda: 0, fitted: null, se: null, cap, games };
  const { fitted, se } = fitCorrectionWeight(e);
  // stored as JSON with the model: null, not NaN or Infinity
  if (!Number.isFinite(fitted)) return { lambda: 0, fitted: null, se: null, cap, games };
  const lower = fitted - MARKET_SHRINK_Z * se;
  return { lambda: Math.max(0, Math.min(maxLambda, lower, cap ?? Infinity)), fitted, se, cap, games };
}
