import { Prisma } from './generated/prisma/client';
import type { DbClient } from './client';
import { brierSql, hitSql, logLossSql, SERIES, type SeriesKind } from './forecast-scores';

// The live scores `/metrics` reports, with the one SQL definition of the scores (forecast-scores.ts):
// every model version's settled forecasts, and each version's rolling window beside the market.

/** A series' scores over all of its settled forecasts: a live version, or a model name's hindcasts (version `hindcast`). */
export interface LiveScoreRow {
  name: string;
  version: string;
  kind: SeriesKind;
  settled: number;
  accuracy: number;
  brier: number;
  logLoss: number;
}

/** A series' record over its last settled forecasts that had a market line, beside the market's. */
export interface RollingRecordRow {
  name: string;
  version: string;
  kind: SeriesKind;
  games: number;
  logLoss: number;
  brier: number;
  marketLogLoss: number;
  marketBrier: number;
}

const P = Prisma.raw('p.home_win_prob');
const WON = Prisma.raw('p.home_won');

/** Log loss, Brier and accuracy of every series' settled forecasts (see `SeriesKind`). */
export function liveScores(db: DbClient): Promise<LiveScoreRow[]> {
  return db.$queryRaw<LiveScoreRow[]>`
    SELECT s.name, s.label AS version, s.kind, count(*)::int AS settled,
           avg(${hitSql(P, WON)})::float8 AS accuracy, avg(${brierSql(P, WON)})::float8 AS brier, avg(${logLossSql(P, WON)})::float8 AS "logLoss"
      FROM predictions p JOIN (${SERIES}) s ON s.version_id = p.model_version_id
     WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL
     GROUP BY s.name, s.label, s.kind`;
}

const LAST_P = Prisma.raw('home_win_prob');
const LAST_M = Prisma.raw('market_home_prob');
const LAST_WON = Prisma.raw('home_won');

/**
 * The rolling live record of every model version: log loss and Brier of its last `window` settled
 * forecasts (by game date) that had a market probability, and the market's on the same games.
 */
export function rollingRecords(db: DbClient, window: number): Promise<RollingRecordRow[]> {
  return db.$queryRaw<RollingRecordRow[]>`
    SELECT name, version, kind, count(*)::int AS games,
           avg(${logLossSql(LAST_P, LAST_WON)})::float8 AS "logLoss", avg(${brierSql(LAST_P, LAST_WON)})::float8 AS brier,
           avg(${logLossSql(LAST_M, LAST_WON)})::float8 AS "marketLogLoss", avg(${brierSql(LAST_M, LAST_WON)})::float8 AS "marketBrier"
      FROM (SELECT s.name, s.label AS version, s.kind, p.home_win_prob, p.home_won, p.market_home_prob,
                   row_number() OVER (PARTITION BY s.series_id ORDER BY g.date DESC, p.game_id DESC) AS recent
              FROM predictions p
              JOIN (${SERIES}) s ON s.version_id = p.model_version_id
              JOIN games g ON g.id = p.game_id
             WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL AND p.market_home_prob IS NOT NULL) last
     WHERE recent <= ${window}
     GROUP BY name, version, kind`;
}
