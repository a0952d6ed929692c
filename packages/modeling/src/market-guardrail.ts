import type { LinedScores } from './evaluation';

/**
 * The market guardrail: a market-aware model's log loss may exceed the market's on the same games
 * by at most this. The backtest holds every season to it (`runBacktest`'s guardrail table); the
 * daily job's promotion gate holds each candidate to it on its holdout games ({@link beyondMarketGuardrail}).
 */
export const MARKET_GUARDRAIL = 0.0005;

/**
 * Standard errors of the difference the promotion gate allows for chance (one-sided: refused when
 * about 84% sure it is worse than the guardrail allows). Early in a season the holdout is a few
 * hundred games, where chance alone moves the difference by more than the guardrail. Chosen on
 * seasons 2010-2015 only (BENCHMARKS.md, "Promotion gate"): with 0 the gate refused 12.5% of the
 * market-aware models on holdouts under 400 games, with 1 4.2%; the same standard as `MARKET_SHRINK_Z`.
 */
export const MARKET_GUARDRAIL_Z = 1;

/**
 * Whether a model is worse than the market on its games with a line by more than the guardrail,
 * beyond what chance explains: `logLoss - market - MARKET_GUARDRAIL_Z * diffSe > MARKET_GUARDRAIL`.
 */
export function beyondMarketGuardrail(lined: LinedScores): boolean {
  return lined.logLoss - lined.market - MARKET_GUARDRAIL_Z * lined.diffSe > MARKET_GUARDRAIL;
}
