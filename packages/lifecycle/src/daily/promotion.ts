import { beyondMarketGuardrail, MARKET_GUARDRAIL, MARKET_GUARDRAIL_Z } from '@nba/modeling';
import type { CandidateResult } from './train-candidate';

/** Whether the pipeline promotes a candidate, and why not. */
export type PromotionDecision = { promote: true; reason: string } | { promote: false; reason: string };

/**
 * The promotion rule of the daily run. A market-aware candidate must not be meaningfully worse than
 * the market: on the holdout games that had a line, its log loss may exceed the market's by at
 * most MARKET_GUARDRAIL, beyond what chance explains on that many games (`beyondMarketGuardrail`;
 * the market is the baseline it is meant to refine). Then, with `autoPromote`, it must beat the
 * production version on log loss (or there is none).
 */
export function promotionDecision(c: CandidateResult, autoPromote: boolean): PromotionDecision {
  const scores = c.candidate;
  if (c.inProduction) return { promote: false, reason: `${c.name} ${c.version} is already the production version` };
  if (c.variant === 'market' && scores?.lined && beyondMarketGuardrail(scores.lined)) {
    const { n, logLoss, market, diffSe } = scores.lined;
    return {
      promote: false,
      reason:
        `${c.name} ${c.version} is worse than the market on its ${n} holdout games with a line by ` +
        `${(logLoss - market).toFixed(4)} ± ${diffSe.toFixed(4)} in log loss ` +
        `(guardrail ${MARKET_GUARDRAIL}, allowing ${MARKET_GUARDRAIL_Z} standard error for chance)`,
    };
  }
  if (!autoPromote)
    return {
      promote: false,
      reason: `${c.name} ${c.version} registered as staging; promote with --auto-promote or pnpm models -- promote`,
    };
  if (!c.beatsProduction)
    return { promote: false, reason: `${c.name} ${c.version} does not beat production on log loss` };
  const vsProduction = c.production
    ? ` vs production ${c.production.logLoss.toFixed(4)}`
    : ' (no production version yet)';
  const vsMarket = scores?.lined
    ? `, market ${scores.lined.market.toFixed(4)} on the ${scores.lined.n} games with a line`
    : '';
  return {
    promote: true,
    reason: `auto-promoted by the pipeline: holdout log loss ${scores?.logLoss.toFixed(4) ?? 'n/a'}${vsProduction}${vsMarket}`,
  };
}
