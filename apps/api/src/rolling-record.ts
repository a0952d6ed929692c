import { brierSql, logLossSql, Prisma, type DbClient } from '@nba/db';

const P = Prisma.raw('home_win_prob');
const M = Prisma.raw('market_home_prob');
const WON = Prisma.raw('home_won');

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
 * forecasts (by game date) that had a market probability, and the market's on the same games; scored
 * by @nba/db's one SQL definition of the scores (as the record page is).
 */
export function rollingRecords(db: DbClient, window: number): Promise<RollingRecord[]> {
  return db.$queryRaw<RollingRecord[]>`
    SELECT name, version, count(*)::int AS games,
           avg(${logLossSql(P, WON)})::float8 AS "logLoss", avg(${brierSql(P, WON)})::float8 AS brier,
           avg(${logLossSql(M, WON)})::float8 AS "marketLogLoss", avg(${brierSql(M, WON)})::float8 AS "marketBrier"
      FROM (SELECT mv.name, mv.version, p.home_win_prob, p.home_won, p.market_home_prob,
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
