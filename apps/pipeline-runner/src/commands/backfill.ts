import { datesBetween, seasonDates } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { importCsv, ingestHistoricalOdds, ingestSeason, formatImportSummary } from '@nba/ingestion';
import { failureLine, withDatabaseRetry } from '@nba/orchestrator';
import { Command, Option } from 'commander';
import { CliError } from '@nba/cli';
import { ProgressBar } from '../progress';
import { openRuntime } from '../runtime';
import { assertSameDataKind } from '../upstreams/data-kind';
import { openUpstreams, upstreamKind, type Upstreams } from '../upstreams/upstreams';
import { assertReadableFile, checkedDate } from '../usage-checks';

export interface BackfillOptions {
  fromSeason: number;
  toSeason: number;
  /** Also fetch each date's lines from the odds history (costly on the real API; default on in demo). */
  withOdds: boolean;
  /** The demo's "today": later games are scheduled, their lines not yet known. */
  today: string;
}

/**
 * Runs one idempotent step again when the database was briefly away (a restart, a failover), with
 * the orchestrator's backoff for transient database errors, saying so in the log.
 */
function surviveRestarts<T>(logger: Logger, what: string, step: () => Promise<T>): Promise<T> {
  return withDatabaseRetry(step, {
    onRetry: (error, retry, delayMs) =>
      logger.warn('backfill step will be retried when the database is back', { what, retry, delayMs, error: failureLine(error) }),
  });
}

/**
 * Loads whole seasons from API-Basketball (all pages per season) and, with `withOdds`, the line of
 * every date from The Odds API's history (captured at 18:30 US Eastern, before most tip-offs).
 * Idempotent: a second backfill changes nothing, so a season or date whose writes met a database
 * restart is simply done again.
 */
export async function backfillFromUpstreams(
  deps: { db: DbClient; logger: Logger },
  upstreams: Upstreams,
  o: BackfillOptions,
): Promise<{ games: number; inserted: number; snapshots: number }> {
  const { db, logger } = deps;
  const out = { games: 0, inserted: 0, snapshots: 0 };
  for (let season = o.fromSeason; season <= o.toSeason; season++) {
    const s = await surviveRestarts(logger, `season ${season}`, () => ingestSeason(db, upstreams.apiBasketball, season, { logger, isDemo: upstreams.isDemo }));
    out.games += s.fetched;
    out.inserted += s.inserted;
    logger.info('season backfilled', { season, fetched: s.fetched, inserted: s.inserted, updated: s.updated, rejected: s.rejected });
    if (!o.withOdds) continue;
    const cal = seasonDates(season);
    const last = cal.end < o.today ? cal.end : o.today;
    const all = [...datesBetween(cal.start, last)];
    const bar = new ProgressBar(`odds ${season}`, all.length);
    for (const date of all) {
      const at = new Date(`${date}T23:30:00Z`); // 18:30 in New York (EST)
      const r = await surviveRestarts(logger, `odds ${date}`, () => ingestHistoricalOdds(db, upstreams.odds, at, { logger, isDemo: upstreams.isDemo }));
      out.snapshots += r.snapshots.inserted;
      bar.tick(date);
    }
  }
  return out;
}

/** `backfill`: history for training, from the upstream APIs (or the demo stand-ins) or from CSV files. */
export function registerBackfillCommand(program: Command): void {
  program
    .command('backfill')
    .description('load whole seasons of games (and lines) into the database')
    .requiredOption('--from-season <year>', 'first season, by the year it ends (2024 = 2023-24)')
    .requiredOption('--to-season <year>', 'last season')
    .addOption(new Option('--source <source>', 'where from (default: api with keys, else demo)').choices(['api', 'demo', 'csv']))
    .option('--games <games.csv>', 'games file for --source csv')
    .option('--odds <odds.csv>', 'closing lines file for --source csv')
    .option('--with-odds', "also load each date's lines from the odds history (default in demo)")
    .option('--date <YYYY-MM-DD>', 'the day the history runs up to (default: today, US Eastern)')
    .action(
      async (o: {
        fromSeason: string;
        toSeason: string;
        source?: 'api' | 'demo' | 'csv';
        games?: string;
        odds?: string;
        withOdds?: boolean;
        date?: string;
      }) => {
        const from = Number(o.fromSeason);
        const to = Number(o.toSeason);
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1947 || to > 2100 || from > to) {
          throw new CliError('USAGE', `--from-season and --to-season must be ending years with from <= to, got '${o.fromSeason}' and '${o.toSeason}'`);
        }
        if (o.source === 'csv' && !o.games) throw new CliError('USAGE', '--source csv needs --games <games.csv>');
        if (o.games) assertReadableFile('--games', o.games);
        if (o.odds) assertReadableFile('--odds', o.odds);
        const today = checkedDate(o.date);
        const rt = await openRuntime();
        try {
          if (o.source === 'csv') {
            await assertSameDataKind(rt.db.client, false);
            const s = await surviveRestarts(rt.logger, 'csv import', () =>
              importCsv(rt.db.client, { gamesCsv: o.games!, ...(o.odds ? { oddsCsv: o.odds } : {}), logger: rt.logger }),
            );
            process.stdout.write(`${formatImportSummary(s)}\n`);
            return;
          }
          const kind = upstreamKind(rt.env, o.source);
          const upstreams = await openUpstreams(kind, { env: rt.env, logger: rt.logger, db: rt.db.client }, today);
          try {
            const r = await backfillFromUpstreams({ db: rt.db.client, logger: rt.logger }, upstreams, {
              fromSeason: from,
              toSeason: to,
              withOdds: Boolean(o.withOdds) || kind === 'demo',
              today,
            });
            process.stdout.write(`backfill ${from}-${to} (${kind}): ${r.games} games fetched, ${r.inserted} new; ${r.snapshots} new odds snapshots\n`);
          } finally {
            await upstreams.close();
          }
        } finally {
          await rt.close();
        }
      },
    );
}
