import { Prisma } from './generated/prisma/client';
import type { DbClient } from './client';

// The one SQL definition of the forecast scores, the same as @nba/modeling's metrics.ts (the
// TypeScript one): log loss (natural log, forecasts clipped to [1e-15, 1 - 1e-15]), Brier, accuracy
// (a 0.5 forecast counts as home) and ten equal calibration bins. Every query that scores stored
// forecasts uses these expressions (settlement, the record page, /metrics), so they all agree;
// @nba/lifecycle's test/forecast-scores.test.ts checks them equal to the TypeScript on the same rows.

const EPS = Prisma.raw('1e-15');

/** Log loss of one forecast `p` (home-win probability) against `won` (boolean SQL expressions). */
export function logLossSql(p: Prisma.Sql, won: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(-ln(CASE WHEN ${won} THEN least(1 - ${EPS}, greatest(${EPS}, ${p})) ELSE 1 - least(1 - ${EPS}, greatest(${EPS}, ${p})) END))`;
}

/** Brier score of one forecast. */
export function brierSql(p: Prisma.Sql, won: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`power(${p} - CASE WHEN ${won} THEN 1 ELSE 0 END, 2)`;
}

/** 1 when the forecast's favourite won, else 0. */
export function hitSql(p: Prisma.Sql, won: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN (${p} >= 0.5) = ${won} THEN 1 ELSE 0 END`;
}

/** The calibration bin (0..bins-1) of a forecast: [b/bins, (b+1)/bins), 1.0 in the last. */
export function calibrationBinSql(p: Prisma.Sql, bins = 10): Prisma.Sql {
  return Prisma.sql`least(${bins - 1}, greatest(0, floor(${p} * ${bins})))::int`;
}

/** A version's scores beside the market's on the same games. */
export interface VersionScoreRow {
  versionId: number;
  name: string;
  version: string;
  settled: number;
  /** Settled forecasts with a market probability: the games model and market are compared on. */
  compared: number;
  /** On the compared games (on every settled one when none had a market). */
  logLoss: number;
  brier: number;
  accuracy: number;
  marketLogLoss: number | null;
  marketBrier: number | null;
  marketAccuracy: number | null;
  firstDate: Date;
  lastDate: Date;
  isDemo: boolean;
}

/** One day of a version's running record: games so far and mean log losses so far, on the compared games. */
export interface RunningDayRow {
  versionId: number;
  date: Date;
  games: number;
  logLoss: number;
  marketLogLoss: number | null;
}

/** One calibration bin of a version, over every settled forecast (empty bins left out). */
export interface CalibrationBinRow {
  versionId: number;
  bin: number;
  n: number;
  meanForecast: number;
  observed: number;
}

const P = Prisma.raw('p.home_win_prob');
const M = Prisma.raw('p.market_home_prob');
const WON = Prisma.raw('p.home_won');

/** Settled forecasts of `versionIds`, each marked whether it counts in the comparison (`compared`). */
function settled(versionIds: readonly number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT p.*, g.date AS game_date,
           (p.market_home_prob IS NOT NULL OR NOT bool_or(p.market_home_prob IS NOT NULL) OVER (PARTITION BY p.model_version_id)) AS counted
      FROM predictions p JOIN games g ON g.id = p.game_id
     WHERE p.model_version_id = ANY(${[...versionIds]}::int[]) AND p.settled_at IS NOT NULL AND p.home_won IS NOT NULL`;
}

/** The versions with settled forecasts, newest first, at most `perName` of each name (optionally one name). */
export function recentScoredVersions(db: DbClient, options: { perName: number; name?: string }): Promise<{ id: number; name: string }[]> {
  return db.$queryRaw`
    SELECT id, name FROM (
      SELECT mv.id, mv.name, row_number() OVER (PARTITION BY mv.name ORDER BY mv.id DESC) AS recent
        FROM model_versions mv
       WHERE (${options.name ?? null}::text IS NULL OR mv.name = ${options.name ?? null}::text)
         AND EXISTS (SELECT 1 FROM predictions p WHERE p.model_version_id = mv.id AND p.settled_at IS NOT NULL AND p.home_won IS NOT NULL)) v
     WHERE recent <= ${options.perName}
     ORDER BY id`;
}

/** Scores of each version in `versionIds` that has settled forecasts. */
export function versionScores(db: DbClient, versionIds: readonly number[]): Promise<VersionScoreRow[]> {
  return db.$queryRaw`
    SELECT mv.id AS "versionId", mv.name, mv.version, count(*)::int AS settled,
           count(p.market_home_prob)::int AS compared,
           (avg(${logLossSql(P, WON)}) FILTER (WHERE counted))::float8 AS "logLoss",
           (avg(${brierSql(P, WON)}) FILTER (WHERE counted))::float8 AS brier,
           (avg(${hitSql(P, WON)}) FILTER (WHERE counted))::float8 AS accuracy,
           (avg(${logLossSql(M, WON)}) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketLogLoss",
           (avg(${brierSql(M, WON)}) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketBrier",
           (avg(${hitSql(M, WON)}) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketAccuracy",
           min(p.game_date) AS "firstDate", max(p.game_date) AS "lastDate", bool_or(p.is_demo) AS "isDemo"
      FROM (${settled(versionIds)}) p JOIN model_versions mv ON mv.id = p.model_version_id
     GROUP BY mv.id, mv.name, mv.version
     ORDER BY mv.id`;
}

/** Each version's running mean log loss (and the market's) at the end of each day, on the compared games. */
export function runningLogLoss(db: DbClient, versionIds: readonly number[]): Promise<RunningDayRow[]> {
  return db.$queryRaw`
    SELECT "versionId", date, (sum(n) OVER w)::int AS games, (sum(loss) OVER w / sum(n) OVER w)::float8 AS "logLoss",
           (sum(market_loss) OVER w / sum(n) OVER w)::float8 AS "marketLogLoss"
      FROM (SELECT p.model_version_id AS "versionId", p.game_date AS date, count(*) AS n, sum(${logLossSql(P, WON)}) AS loss,
                   sum(${logLossSql(M, WON)}) AS market_loss
              FROM (${settled(versionIds)}) p WHERE counted
             GROUP BY p.model_version_id, p.game_date) d
    WINDOW w AS (PARTITION BY "versionId" ORDER BY date)
     ORDER BY "versionId", date`;
}

/** Each version's calibration in ten bins of forecast probability, over every settled forecast. */
export function calibration(db: DbClient, versionIds: readonly number[]): Promise<CalibrationBinRow[]> {
  return db.$queryRaw`
    SELECT p.model_version_id AS "versionId", ${calibrationBinSql(P)} AS bin, count(*)::int AS n,
           avg(p.home_win_prob)::float8 AS "meanForecast", avg(CASE WHEN p.home_won THEN 1 ELSE 0 END)::float8 AS observed
      FROM (${settled(versionIds)}) p
     GROUP BY 1, 2
     ORDER BY 1, 2`;
}
