import type { DbClient } from '@nba/db';

/** The scores of a prediction against its game's final score (`p` predictions, `g` games). */
const SCORES = `home_won = g.home_score > g.away_score,
      log_loss = -CASE WHEN g.home_score > g.away_score
                   THEN ln(GREATEST(p.home_win_prob, 1e-15))
                   ELSE ln(GREATEST(1 - p.home_win_prob, 1e-15)) END,
      brier = power(p.home_win_prob - CASE WHEN g.home_score > g.away_score THEN 1 ELSE 0 END, 2)`;

/**
 * Scores every unsettled prediction whose game is final: outcome, log loss and Brier (so live
 * accuracy per model version is a query). Returns how many were settled.
 */
export async function settlePredictions(db: DbClient): Promise<number> {
  return db.$executeRawUnsafe(`
    UPDATE predictions p SET settled_at = now(), ${SCORES}
    FROM games g
    WHERE g.id = p.game_id AND p.settled_at IS NULL AND g.status = 'final'
      AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL`);
}

/**
 * Settles again the settled predictions of games whose final result changed (an upstream
 * correction): scored against the new score, or unsettled where the game is no longer final.
 * Returns how many predictions of each game were re-settled.
 */
export async function resettleGames(db: DbClient, gameIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (gameIds.length === 0) return out;
  const ids = JSON.stringify(gameIds);
  const rescored = await db.$queryRawUnsafe<{ game_id: number }[]>(
    `UPDATE predictions p SET settled_at = now(), ${SCORES}
     FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL AND g.status = 'final'
       AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL
       AND p.game_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::int))
     RETURNING p.game_id`,
    ids,
  );
  const unsettled = await db.$queryRawUnsafe<{ game_id: number }[]>(
    `UPDATE predictions p SET settled_at = NULL, home_won = NULL, log_loss = NULL, brier = NULL
     FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL
       AND (g.status <> 'final' OR g.home_score IS NULL OR g.away_score IS NULL)
       AND p.game_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::int))
     RETURNING p.game_id`,
    ids,
  );
  for (const r of [...rescored, ...unsettled]) out.set(r.game_id, (out.get(r.game_id) ?? 0) + 1);
  return out;
}
