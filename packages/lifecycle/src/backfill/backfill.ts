import { datesBetween, seasonDates } from '@nba/config';
import type { DbClient } from '@nba/db';
import { importCsv, ingestHistoricalOdds, ingestSeason, type ImportCsvSummary } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { failureLine, withDatabaseRetry } from '@nba/orchestrator';
import { settleForecasts } from '../record/settle';
import { assertSameDataKind } from '../upstreams/data-kind';
import type { Upstreams } from '../upstreams/upstreams';

/** What a backfill needs: the database and a logger. */
export interface BackfillDeps {
  db: DbClient;
  logger: Logger;
}

export interface BackfillOptions {
  fromSeason: number;
  toSeason: number;
  /** Also fetch each date's lines from the odds history (costly on the real API; default on in demo). */
  withOdds: boolean;
  /** The demo's "today": later games are scheduled, their lines not yet known. */
  today: string;
  /** Progress of a season's odds dates (a terminal's progress bar): `total` dates, `tick` after each. */
  progress?: (label: string, total: number) => { tick(note: string): void };
}

/** What a backfill from the upstreams did. */
export interface BackfillSummary {
  games: number;
  inserted: number;
  snapshots: number;
}

/**
 * Runs one idempotent step again when the database was briefly away (a restart, a failover), with
 * the orchestrator's backoff for transient database errors, saying so in the log.
 */
function surviveRestarts<T>(logger: Logger, what: string, step: () => Promise<T>): Promise<T> {
  return withDatabaseRetry(step, {
    onRetry: (error, retry, delayMs) =>
      logger.warn('backfill step will be retried when the database is back', {
        what,
        retry,
        delayMs,
        error: failureLine(error),
      }),
  });
}

/** A final score corrected by the backfill re-settles the forecasts settled against the old one (the record stays true). */
async function settleCorrections(deps: BackfillDeps): Promise<void> {
  await surviveRestarts(deps.logger, 'settlement', () => settleForecasts(deps.db, deps.logger));
}

/**
 * Loads whole seasons from API-Basketball (all pages per season) and, with `withOdds`, the line of
 * every date from The Odds API's history (captured at 18:30 US Eastern, before most tip-offs).
 * Idempotent: a second backfill changes nothing, so a season or date whose writes met a database
 * restart is simply done again.
 */
export async function backfillFromUpstreams(
  deps: BackfillDeps,
  upstreams: Upstreams,
  o: BackfillOptions,
): Promise<BackfillSummary> {
  const { db, logger } = deps;
  const out = { games: 0, inserted: 0, snapshots: 0 };
  for (let season = o.fromSeason; season <= o.toSeason; season++) {
    const s = await surviveRestarts(logger, `season ${season}`, () =>
      ingestSeason(db, upstreams.apiBasketball, season, { logger, isDemo: upstreams.isDemo }),
    );
    out.games += s.fetched;
    out.inserted += s.inserted;
    logger.info('season backfilled', {
      season,
      fetched: s.fetched,
      inserted: s.inserted,
      updated: s.updated,
      rejected: s.rejected,
    });
    if (!o.withOdds) continue;
    const cal = seasonDates(season);
    const last = cal.end < o.today ? cal.end : o.today;
    const all = [...datesBetween(cal.start, last)];
    const bar = o.progress?.(`odds ${season}`, all.length);
    for (const date of all) {
      const at = new Date(`${date}T23:30:00Z`); // 18:30 in New York (EST)
      const r = await surviveRestarts(logger, `odds ${date}`, () =>
        ingestHistoricalOdds(db, upstreams.odds, at, { logger, isDemo: upstreams.isDemo }),
      );
      out.snapshots += r.snapshots.inserted;
      bar?.tick(date);
    }
  }
  await settleCorrections(deps);
  return out;
}

/**
 * Imports games.csv (and odds.csv) files of real games, after refusing a database of demo games.
 * Idempotent, and done again after a transient database error.
 */
export async function backfillFromCsv(
  deps: BackfillDeps,
  files: { gamesCsv: string; oddsCsv?: string | undefined },
): Promise<ImportCsvSummary> {
  await assertSameDataKind(deps.db, false);
  const summary = await surviveRestarts(deps.logger, 'csv import', () =>
    importCsv(deps.db, {
      gamesCsv: files.gamesCsv,
      ...(files.oddsCsv ? { oddsCsv: files.oddsCsv } : {}),
      logger: deps.logger,
    }),
  );
  await settleCorrections(deps);
  return summary;
}
