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

/**
 * A record's series: a live model version (its id), or every hindcast of a model name as one
 * series (the negated id of the name's first hindcast version, `version` 'hindcast'): a hindcast
 * is made by a new version every retrain window, and is read as one record beside the live ones.
 */
export type SeriesKind = 'live' | 'hindcast';

/** A series' scores beside the market's on the same games. */
export interface VersionScoreRow {
  /** The series id: a live version's id, or a model name's hindcasts (negative). */
  versionId: number;
  name: string;
  /** The live version, or `hindcast`. */
  version: string;
  kind: SeriesKind;
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

/** Every model version with its series (see {@link SeriesKind}): `version_id`, `series_id`, `name`, `kind`, `label`. */
export const SERIES = Prisma.sql`
    SELECT id AS version_id, name, kind::text AS kind,
           CASE WHEN kind = 'live' THEN id ELSE -(min(id) OVER (PARTITION BY name, kind)) END AS series_id,
           CASE WHEN kind = 'live' THEN version ELSE 'hindcast' END AS label
      FROM model_versions`;

/** Settled forecasts of the series `seriesIds`, each with its `series_id` and marked whether it counts in the comparison (`counted`). */
function settled(seriesIds: readonly number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT p.*, s.series_id, s.name AS series_name, s.kind AS series_kind, s.label AS series_label, g.date AS game_date,
           (p.market_home_prob IS NOT NULL OR NOT bool_or(p.market_home_prob IS NOT NULL) OVER (PARTITION BY s.series_id)) AS counted
      FROM predictions p JOIN games g ON g.id = p.game_id JOIN (${SERIES}) s ON s.version_id = p.model_version_id
     WHERE s.series_id = ANY(${[...seriesIds]}::int[]) AND p.settled_at IS NOT NULL AND p.home_won IS NOT NULL`;
}

/**
 * The series with settled forecasts (optionally of one name): each name's hindcasts, and its
 * newest `perName` live versions; by name, live versions oldest first, then the hindcasts.
 */
export function recentScoredVersions(
  db: DbClient,
  options: { perName: number; name?: string },
): Promise<{ id: number; name: string; kind: SeriesKind }[]> {
  return db.$queryRaw`
    SELECT id, name, kind FROM (
      SELECT s.series_id AS id, s.name, s.kind, dense_rank() OVER (PARTITION BY s.name, s.kind ORDER BY s.series_id DESC) AS recent
        FROM (${SERIES}) s
       WHERE (${options.name ?? null}::text IS NULL OR s.name = ${options.name ?? null}::text)
         AND EXISTS (SELECT 1 FROM predictions p WHERE p.model_version_id = s.version_id AND p.settled_at IS NOT NULL AND p.home_won IS NOT NULL)
       GROUP BY s.series_id, s.name, s.kind) v
     WHERE kind = 'hindcast' OR recent <= ${options.perName}
     ORDER BY name, kind DESC, id`;
}

/** Scores of each series in `seriesIds` (from {@link recentScoredVersions}) that has settled forecasts. */
export function versionScores(db: DbClient, seriesIds: readonly number[]): Promise<VersionScoreRow[]> {
  return db.$queryRaw`
    SELECT p.series_id AS "versionId", min(p.series_name) AS name, min(p.series_label) AS version, min(p.series_kind) AS kind, count(*)::int AS settled,
           count(p.market_home_prob)::int AS compared,
           (avg(${logLossSql(P, WON)} ORDER BY p.id) FILTER (WHERE counted))::float8 AS "logLoss",
           (avg(${brierSql(P, WON)} ORDER BY p.id) FILTER (WHERE counted))::float8 AS brier,
           (avg(${hitSql(P, WON)} ORDER BY p.id) FILTER (WHERE counted))::float8 AS accuracy,
           (avg(${logLossSql(M, WON)} ORDER BY p.id) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketLogLoss",
           (avg(${brierSql(M, WON)} ORDER BY p.id) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketBrier",
           (avg(${hitSql(M, WON)} ORDER BY p.id) FILTER (WHERE p.market_home_prob IS NOT NULL))::float8 AS "marketAccuracy",
           min(p.game_date) AS "firstDate", max(p.game_date) AS "lastDate", bool_or(p.is_demo) AS "isDemo"
      FROM (${settled(seriesIds)}) p
     GROUP BY p.series_id
     ORDER BY min(p.series_name), min(p.series_kind) DESC, p.series_id`;
}

/** Each series' running mean log loss (and the market's) at the end of each day, on the compared games. */
export function runningLogLoss(db: DbClient, seriesIds: readonly number[]): Promise<RunningDayRow[]> {
  return db.$queryRaw`
    SELECT "versionId", date, (sum(n) OVER w)::int AS games, (sum(loss) OVER w / sum(n) OVER w)::float8 AS "logLoss",
           (sum(market_loss) OVER w / sum(n) OVER w)::float8 AS "marketLogLoss"
      FROM (SELECT p.series_id AS "versionId", p.game_date AS date, count(*) AS n, sum(${logLossSql(P, WON)} ORDER BY p.id) AS loss,
                   sum(${logLossSql(M, WON)} ORDER BY p.id) AS market_loss
              FROM (${settled(seriesIds)}) p WHERE counted
             GROUP BY p.series_id, p.game_date) d
    WINDOW w AS (PARTITION BY "versionId" ORDER BY date)
     ORDER BY "versionId", date`;
}

/** Each series' calibration in ten bins of forecast probability, over every settled forecast. */
export function calibration(db: DbClient, seriesIds: readonly number[]): Promise<CalibrationBinRow[]> {
  return db.$queryRaw`
    SELECT p.series_id AS "versionId", ${calibrationBinSql(P)} AS bin, count(*)::int AS n,
           avg(p.home_win_prob ORDER BY p.id)::float8 AS "meanForecast", avg(CASE WHEN p.home_won THEN 1 ELSE 0 END ORDER BY p.id)::float8 AS observed
      FROM (${settled(seriesIds)}) p
     GROUP BY 1, 2
     ORDER BY 1, 2`;
}
