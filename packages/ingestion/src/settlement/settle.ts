import { brierSql, logLossSql, Prisma, type DbClient } from '@nba/db';

const P = Prisma.raw('p.home_win_prob');
const WON = Prisma.raw('(g.home_score > g.away_score)');

/** The outcome and scores of a prediction against its game's final score (`p` predictions, `g` games), by @nba/db's one SQL definition of the scores. */
const SCORES = Prisma.sql`home_won = ${WON}, log_loss = ${logLossSql(P, WON)}, brier = ${brierSql(P, WON)}`;

/**
 * Scores every unsettled prediction whose game is final: outcome, log loss and Brier (so live
 * accuracy per model version is a query). Returns how many were settled.
 */
export async function settlePredictions(db: DbClient): Promise<number> {
  return db.$executeRaw`
    UPDATE predictions p SET settled_at = now(), ${SCORES}
    FROM games g
    WHERE g.id = p.game_id AND p.settled_at IS NULL AND g.status = 'final'
      AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL`;
}

/**
 * Settles again the settled predictions of games whose final result changed (an upstream
 * correction): scored against the new score, or unsettled where the game is no longer final.
 * Returns how many predictions of each game were re-settled.
 */
export async function resettleGames(db: DbClient, gameIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (gameIds.length === 0) return out;
  const ids = [...gameIds];
  const rescored = await db.$queryRaw<{ game_id: number }[]>`
    UPDATE predictions p SET settled_at = now(), ${SCORES}
     FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL AND g.status = 'final'
       AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL
       AND p.game_id = ANY(${ids}::int[])
     RETURNING p.game_id`;
  const unsettled = await db.$queryRaw<{ game_id: number }[]>`
    UPDATE predictions p SET settled_at = NULL, home_won = NULL, log_loss = NULL, brier = NULL
     FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL
       AND (g.status <> 'final' OR g.home_score IS NULL OR g.away_score IS NULL)
       AND p.game_id = ANY(${ids}::int[])
     RETURNING p.game_id`;
  for (const r of [...rescored, ...unsettled]) out.set(r.game_id, (out.get(r.game_id) ?? 0) + 1);
  return out;
}
