import { brierSql, logLossSql, Prisma, type DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';

const P = Prisma.raw('p.home_win_prob');
const WON = Prisma.raw('(g.home_score > g.away_score)');
/** A final game with both scores (`g`). */
const FINAL = Prisma.sql`g.status = 'final' AND g.home_score IS NOT NULL AND g.away_score IS NOT NULL`;

/** The outcome and scores of a prediction against its game's final score (`p` predictions, `g` games), by @nba/db's one SQL definition of the scores. */
const SCORES = Prisma.sql`home_won = ${WON}, log_loss = ${logLossSql(P, WON)}, brier = ${brierSql(P, WON)}`;

/** What one settlement pass did. */
export interface SettlementSummary {
  /** Forecasts of games that became final, now scored. */
  settled: number;
  /** Settled forecasts scored again: their game's final score was corrected upstream and the outcome changed. */
  resettled: number;
  /** Settled forecasts whose game is no longer final (a correction took its result back), no longer scored. */
  unsettled: number;
  /** The games of the re-settled and unsettled forecasts. */
  correctedGames: number[];
}

/**
 * Scores every unsettled forecast whose game is final (outcome, log loss, Brier: live accuracy per
 * model version is then a query), and settles again every settled forecast whose stored outcome
 * no longer matches its game: a final score corrected upstream after settlement (ingestion records
 * the conflict) is re-scored against the new one, and a game no longer final is unsettled.
 * Idempotent: a second pass changes nothing. Corrections are logged with their games (the why is
 * in `upstream_conflicts`).
 */
export async function settleForecasts(db: DbClient, logger?: Logger): Promise<SettlementSummary> {
  const settled = await db.$executeRaw`
    UPDATE predictions p SET settled_at = now(), ${SCORES}
      FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NULL AND ${FINAL}`;
  const rescored = await db.$queryRaw<{ game_id: number }[]>`
    UPDATE predictions p SET settled_at = now(), ${SCORES}
      FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL AND ${FINAL}
       AND p.home_won IS DISTINCT FROM ${WON}
    RETURNING p.game_id`;
  const unscored = await db.$queryRaw<{ game_id: number }[]>`
    UPDATE predictions p SET settled_at = NULL, home_won = NULL, log_loss = NULL, brier = NULL
      FROM games g
     WHERE g.id = p.game_id AND p.settled_at IS NOT NULL AND NOT (${FINAL})
    RETURNING p.game_id`;
  const correctedGames = [...new Set([...rescored, ...unscored].map((r) => r.game_id))].sort((a, b) => a - b);
  if (correctedGames.length) {
    logger?.warn('settled forecasts settled again: their final score was corrected upstream', {
      resettled: rescored.length,
      unsettled: unscored.length,
      games: correctedGames,
    });
  }
  return { settled, resettled: rescored.length, unsettled: unscored.length, correctedGames };
}
