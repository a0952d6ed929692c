import { addDays } from '@nba/config';
import type { DbClient } from '@nba/db';
import { addGamesIngestCounts, importCsv, ingestGamesForDate, ingestOdds } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { permanent } from '@nba/orchestrator';
import { LifecycleError } from '../lifecycle-error';
import type { Upstreams } from '../upstreams/upstreams';
import type { DailyArgs } from './daily-args';
import type { IngestGamesResult, IngestOddsResult } from './daily-results';

/**
 * The day's games: a CSV import (`--source csv`), else the results of the `lookbackDays` days
 * before the date and the date's schedule from API-Basketball. Idempotent upserts.
 */
export async function ingestGames(
  db: DbClient,
  upstreams: () => Upstreams,
  args: DailyArgs,
  logger: Logger,
): Promise<IngestGamesResult> {
  if (args.source === 'csv') {
    if (!args.gamesCsv)
      throw permanent(new LifecycleError('NEEDS_GAMES_CSV', '--source csv needs --games <games.csv>'));
    const summary = await importCsv(db, {
      gamesCsv: args.gamesCsv,
      ...(args.oddsCsv ? { oddsCsv: args.oddsCsv } : {}),
      logger,
    });
    return {
      source: 'csv',
      gameRows: summary.gameRows,
      oddsRows: summary.oddsRows,
      inserted: summary.games.inserted,
      updated: summary.games.updated,
      rejected: summary.games.rejected + summary.unreadable.length,
      quarantined: summary.games.quarantined + summary.snapshots.quarantined,
      conflicts: summary.games.conflicts,
    };
  }
  const { apiBasketball, isDemo } = upstreams();
  const totals = {
    dates: 0,
    fetched: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    quarantined: 0,
    conflicts: 0,
  };
  for (let d = -args.lookbackDays; d <= 0; d++) {
    const s = await ingestGamesForDate(db, apiBasketball, addDays(args.date, d), { logger, isDemo });
    totals.dates += 1;
    addGamesIngestCounts(totals, s);
  }
  return totals;
}

/** The current lines from The Odds API. */
export async function ingestCurrentOdds(db: DbClient, upstreams: Upstreams, logger: Logger): Promise<IngestOddsResult> {
  const s = await ingestOdds(db, upstreams.odds, { logger, isDemo: upstreams.isDemo });
  return {
    events: s.events,
    snapshots: s.snapshots.inserted + s.snapshots.updated,
    rejected: s.snapshots.rejected + s.games.rejected,
    quarantined: s.snapshots.quarantined + s.games.quarantined,
    conflicts: s.games.conflicts,
  };
}
