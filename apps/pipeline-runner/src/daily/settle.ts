import type { DbClient } from '@nba/db';

/**
 * Scores every unsettled prediction whose game is final: outcome, log loss and Brier (so live
 * accuracy per model version is a query). Returns how many were settled.
 */
export async function settlePredictions(db: DbClient): Promise<number> {
  return db.$executeRaw`
    UPDATE predictions p SET
      settled_at = now(),
      home_won = g.home_score > g.away_score,
      log_loss = -CASE WHEN g.home_score > g.away_score
                   THEN ln(GREATEST(p.home_win_prob, 1e-15))
                   ELSE ln(GREATEST(1 - p.home_win_prob, 1e-15)) END,
      brier = power(p.home_win_prob - CASE WHEN g.home_score > g.away_score THEN 1 ELSE 0 END, 2)
    FROM games g
    WHERE g.id = p.game_id AND p.settled_at IS NULL AND g.status = 'final'
      AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL`;
}
