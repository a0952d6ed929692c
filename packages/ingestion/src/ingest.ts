import { datesBetween, seasonDates } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { ApiBasketballClient } from './api-basketball/api-basketball-client';
import { normaliseApiBasketballGames } from './api-basketball/normalise-games';
import type { OddsApiClient, OddsQuery } from './odds-api/odds-api-client';
import { normaliseOddsEvents, normaliseOddsScores } from './odds-api/normalise-odds';
import type { OddsApiEvent } from './odds-api/schemas';
import { isIngestionError } from './ingestion-error';
import type { Rejection } from './rejection';
import { upsertGames, type UpsertSummary } from './store/upsert-games';
import { upsertOddsSnapshots } from './store/upsert-odds';
import { logRejections } from './store/log-rejections';

export interface IngestOptions {
  logger: Logger;
  isDemo?: boolean;
}

export interface GamesIngestSummary extends UpsertSummary {
  /** Games the upstream returned. */
  fetched: number;
}

/** The counts of a games ingest, and of a sum of them. */
export type GamesIngestCounts = Pick<
  GamesIngestSummary,
  'fetched' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'quarantined' | 'conflicts'
>;

/** Adds the counts of `summary` to `total` (in place) and returns `total`: the sum over a backfill's or a run's dates. */
export function addGamesIngestCounts<T extends GamesIngestCounts>(total: T, summary: GamesIngestCounts): T {
  total.fetched += summary.fetched;
  total.inserted += summary.inserted;
  total.updated += summary.updated;
  total.unchanged += summary.unchanged;
  total.rejected += summary.rejected;
  total.quarantined += summary.quarantined;
  total.conflicts += summary.conflicts;
  return total;
}

export interface OddsIngestSummary {
  events: number;
  games: UpsertSummary;
  snapshots: UpsertSummary;
}

async function storeGames(
  db: DbClient,
  fetched: { items: Parameters<typeof normaliseApiBasketballGames>[0]; rejected: Rejection[] },
  options: IngestOptions,
): Promise<GamesIngestSummary> {
  const normalised = normaliseApiBasketballGames(fetched.items);
  const upstreamRejects = [...fetched.rejected, ...normalised.rejected];
  logRejections(options.logger, 'api-basketball game', normalised.rejected);
  const summary = await upsertGames(db, normalised.items, options);
  return {
    ...summary,
    fetched: fetched.items.length + fetched.rejected.length,
    rejected: summary.rejected + upstreamRejects.length,
    rejections: [...upstreamRejects, ...summary.rejections],
  };
}

/** Fetches one Eastern date's games from API-Basketball and upserts them (results and schedule). */
export async function ingestGamesForDate(
  db: DbClient,
  client: ApiBasketballClient,
  date: string,
  options: IngestOptions,
): Promise<GamesIngestSummary> {
  return storeGames(db, await client.gamesByDate(date), options);
}

/** Fetches a whole season from API-Basketball (all pages) and upserts it. */
export async function ingestSeason(
  db: DbClient,
  client: ApiBasketballClient,
  season: number,
  options: IngestOptions,
): Promise<GamesIngestSummary> {
  return storeGames(db, await client.gamesBySeason(season), options);
}

export interface BackfillSummary extends GamesIngestSummary {
  dates: number;
  /** Dates whose request failed after all retries, with the error code; re-run to fill them. */
  failedDates: { date: string; code: string; message: string }[];
}

/**
 * Backfills a season date by date (one request per day of its calendar, or `from`..`to`). A date
 * that still fails after the client's retries is reported and skipped, unless the error is
 * permanent (bad key, quota, wrong endpoint or payload: every later date would fail the same way
 * and spend quota), which stops the backfill.
 */
export async function backfillSeasonByDate(
  db: DbClient,
  client: ApiBasketballClient,
  season: number,
  options: IngestOptions & { from?: string; to?: string },
): Promise<BackfillSummary> {
  const cal = seasonDates(season);
  const out: BackfillSummary = {
    fetched: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    quarantined: 0,
    conflicts: 0,
    dates: 0,
    failedDates: [],
  };
  for (const date of datesBetween(options.from ?? cal.start, options.to ?? cal.end)) {
    out.dates++;
    try {
      const s = await ingestGamesForDate(db, client, date, options);
      addGamesIngestCounts(out, s).rejections.push(...s.rejections);
    } catch (e) {
      if (isIngestionError(e) && !e.retryable) throw e;
      const code = isIngestionError(e) ? e.code : 'UNKNOWN';
      options.logger.error('backfill date failed', { date, code, error: (e as Error).message });
      out.failedDates.push({ date, code, message: (e as Error).message });
    }
  }
  return out;
}

async function storeOdds(
  db: DbClient,
  events: { items: OddsApiEvent[]; rejected: Rejection[] },
  options: IngestOptions,
): Promise<OddsIngestSummary> {
  const n = normaliseOddsEvents(events.items);
  logRejections(options.logger, 'the-odds-api event', n.rejected);
  const games = await upsertGames(db, n.games, options);
  const snapshots = await upsertOddsSnapshots(db, n.snapshots, options);
  const rejected = [...events.rejected, ...n.rejected];
  return {
    events: events.items.length + events.rejected.length,
    games: { ...games, rejected: games.rejected + rejected.length, rejections: [...rejected, ...games.rejections] },
    snapshots,
  };
}

/** Current odds from The Odds API: attaches event ids to games (creating scheduled ones) and stores snapshots. */
export async function ingestOdds(
  db: DbClient,
  client: OddsApiClient,
  options: IngestOptions & { query?: OddsQuery },
): Promise<OddsIngestSummary> {
  return storeOdds(db, await client.odds(options.query), options);
}

/** The historical odds snapshot at `at` (line history for backfills). */
export async function ingestHistoricalOdds(
  db: DbClient,
  client: OddsApiClient,
  at: Date,
  options: IngestOptions & { query?: OddsQuery },
): Promise<OddsIngestSummary> {
  return storeOdds(db, await client.historicalOdds(at, options.query), options);
}

/** Recent results from The Odds API scores endpoint (`daysFrom` 1-3). */
export async function ingestScores(
  db: DbClient,
  client: OddsApiClient,
  daysFrom: number,
  options: IngestOptions,
): Promise<GamesIngestSummary> {
  const fetched = await client.scores(daysFrom);
  const n = normaliseOddsScores(fetched.items);
  logRejections(options.logger, 'the-odds-api score', n.rejected);
  const summary = await upsertGames(db, n.items, options);
  const rejected = [...fetched.rejected, ...n.rejected];
  return {
    ...summary,
    fetched: fetched.items.length + fetched.rejected.length,
    rejected: summary.rejected + rejected.length,
    rejections: [...rejected, ...summary.rejections],
  };
}
