import { containing } from '@nba/testing';
import { promotionDecision } from './promotion';
import type { CandidateResult } from './train-candidate';

const scores = (logLoss: number, market: number, lined = { n: 1200, diffSe: 0.0002 }) => ({
  n: 1230,
  logLoss,
  brier: 0.2,
  accuracy: 0.66,
  lined: { logLoss, market, ...lined },
});
const candidate = (over: Partial<CandidateResult> = {}): CandidateResult => ({
  name: 'nba-winner',
  version: '1.1.0',
  variant: 'market',
  fingerprint: 'sha256:x',
  reused: false,
  inProduction: false,
  evaluationSeason: 2024,
  candidate: scores(0.601, 0.6011),
  production: null,
  beatsProduction: true,
  trainingGames: 5000,
  ...over,
});

describe('promotionDecision', () => {
  it('promotes a market-aware candidate within the guardrail that beats production', () => {
    expect(promotionDecision(candidate(), true)).toMatchObject({
      promote: true,
      reason: containing('market 0.6011 on the 1200 games with a line'),
    });
  });

  it('refuses a market-aware candidate worse than the market by more than 0.0005 on its holdout games with a line', () => {
    const d = promotionDecision(candidate({ candidate: scores(0.602, 0.6011) }), true);
    expect(d).toEqual({
      promote: false,
      reason:
        'nba-winner 1.1.0 is worse than the market on its 1200 holdout games with a line by 0.0009 ± 0.0002 in log loss ' +
        '(guardrail 0.0005, allowing 1 standard error for chance)',
    });
    // within the margin is allowed
    expect(promotionDecision(candidate({ candidate: scores(0.6015, 0.6011) }), true).promote).toBe(true);
  });

  it('allows one standard error of the difference for chance: a few hundred games early in a season', () => {
    // 0.0009 worse on 300 games where chance alone moves it by 0.0006: not shown to break the guardrail
    const early = (diffSe: number) => candidate({ candidate: scores(0.602, 0.6011, { n: 300, diffSe }) });
    expect(promotionDecision(early(0.0006), true).promote).toBe(true);
    // the same difference measured to 0.0003: 0.0009 - 0.0003 > 0.0005, refused
    expect(promotionDecision(early(0.0003), true)).toMatchObject({
      promote: false,
      reason: containing('by 0.0009 ± 0.0003 in log loss'),
    });
    // a clearly worse model is refused however few the games
    expect(promotionDecision(candidate({ candidate: scores(0.64, 0.6, { n: 120, diffSe: 0.01 }) }), true).promote).toBe(
      false,
    );
  });

  it('holds the stats-only model to production only (it is an independent view, not a refinement of the line)', () => {
    expect(
      promotionDecision(candidate({ variant: 'stats', name: 'nba-winner-stats', candidate: scores(0.62, 0.6) }), true)
        .promote,
    ).toBe(true);
    expect(promotionDecision(candidate({ variant: 'stats', beatsProduction: false }), true)).toMatchObject({
      promote: false,
      reason: containing('does not beat production'),
    });
  });

  it('never promotes what is production already, nor without --auto-promote', () => {
    expect(promotionDecision(candidate({ inProduction: true }), true)).toEqual({
      promote: false,
      reason: 'nba-winner 1.1.0 is already the production version',
    });
    expect(promotionDecision(candidate(), false)).toMatchObject({
      promote: false,
      reason: containing('registered as staging'),
    });
  });
});
