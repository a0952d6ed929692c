import type { DbClient } from '@nba/db';

/** A model version's record over its last settled forecasts that had a market line, beside the market's. */
export interface RollingRecord {
  name: string;
  version: string;
  games: number;
  logLoss: number;
  brier: number;
  marketLogLoss: number;
  marketBrier: number;
}

/**
 * The rolling live record of every model version: log loss and Brier of its last `window` settled
 * forecasts (by game date) that had a market probability, and the market's on the same games.
 */
export function rollingRecords(db: DbClient, window: number): Promise<RollingRecord[]> {
  return db.$queryRaw<RollingRecord[]>`
    SELECT name, version, count(*)::int AS games,
           avg(log_loss)::float8 AS "logLoss", avg(brier)::float8 AS brier,
           avg(-ln(CASE WHEN home_won THEN greatest(market_home_prob, 1e-15) ELSE greatest(1 - market_home_prob, 1e-15) END))::float8 AS "marketLogLoss",
           avg(power(market_home_prob - CASE WHEN home_won THEN 1 ELSE 0 END, 2))::float8 AS "marketBrier"
      FROM (SELECT mv.name, mv.version, p.log_loss, p.brier, p.home_won, p.market_home_prob,
                   row_number() OVER (PARTITION BY p.model_version_id ORDER BY g.date DESC, p.game_id DESC) AS recent
              FROM predictions p
              JOIN model_versions mv ON mv.id = p.model_version_id
              JOIN games g ON g.id = p.game_id
             WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL AND p.market_home_prob IS NOT NULL) last
     WHERE recent <= ${window}
     GROUP BY name, version`;
}

/** Each version's out-of-sample log loss recorded at registration: its latest holdout season's. */
export function backtestLogLosses(db: DbClient): Promise<{ name: string; version: string; logLoss: number }[]> {
  return db.$queryRaw`
    SELECT DISTINCT ON (mv.id) mv.name, mv.version, m.value::float8 AS "logLoss"
      FROM model_metrics m JOIN model_versions mv ON mv.id = m.model_version_id
     WHERE m.dataset LIKE 'holdout-%' AND m.name = 'logLoss'
     ORDER BY mv.id, m.dataset DESC`;
}
