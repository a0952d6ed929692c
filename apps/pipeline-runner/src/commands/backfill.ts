import { Option } from 'commander';
import { CliError, isoDate, readableFile, type AddCommand } from '@nba/cli';
import { formatImportSummary } from '@nba/ingestion';
import { backfillFromCsv, backfillFromUpstreams, openUpstreams, upstreamKind } from '@nba/lifecycle';
import type { PipelineDeps } from '../pipeline-deps';
import { ProgressBar } from '../progress';
import { easternToday, withRuntime } from '../runtime';

interface BackfillCommandOptions {
  fromSeason: string;
  toSeason: string;
  source?: 'api' | 'demo' | 'csv';
  games?: string;
  odds?: string;
  withOdds?: boolean;
  date?: string;
}

/** `backfill`: history for training, from the upstream APIs (or the demo stand-ins) or from CSV files. */
export const registerBackfillCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('backfill')
    .description('load whole seasons of games (and lines) into the database')
    .requiredOption('--from-season <year>', 'first season, by the year it ends (2024 = 2023-24)')
    .requiredOption('--to-season <year>', 'last season')
    .addOption(
      new Option('--source <source>', 'where from (default: api with keys, else demo)').choices(['api', 'demo', 'csv']),
    )
    .option('--games <games.csv>', 'games file for --source csv', readableFile(process.cwd()))
    .option('--odds <odds.csv>', 'closing lines file for --source csv', readableFile(process.cwd()))
    .option('--with-odds', "also load each date's lines from the odds history (default in demo)")
    .option('--date <YYYY-MM-DD>', 'the day the history runs up to (default: today, US Eastern)', isoDate)
    .action(async (o: BackfillCommandOptions) => {
      const from = Number(o.fromSeason);
      const to = Number(o.toSeason);
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1947 || to > 2100 || from > to) {
        throw new CliError(
          'USAGE',
          `--from-season and --to-season must be ending years with from <= to, got '${o.fromSeason}' and '${o.toSeason}'`,
        );
      }
      if (o.source === 'csv' && !o.games) throw new CliError('USAGE', '--source csv needs --games <games.csv>');
      const today = o.date ?? easternToday();
      await withRuntime(deps.env, {}, async (rt) => {
        const lifecycle = { db: rt.db.client, logger: rt.logger };
        if (o.source === 'csv' && o.games) {
          deps.stdout.write(
            `${formatImportSummary(await backfillFromCsv(lifecycle, { gamesCsv: o.games, oddsCsv: o.odds }))}\n`,
          );
          return;
        }
        const kind = upstreamKind(rt.env, o.source === 'csv' ? undefined : o.source);
        const upstreams = await openUpstreams(kind, { env: rt.env, logger: rt.logger, db: rt.db.client }, today);
        try {
          const r = await backfillFromUpstreams(lifecycle, upstreams, {
            fromSeason: from,
            toSeason: to,
            withOdds: Boolean(o.withOdds) || kind === 'demo',
            today,
            progress: (label, total) => new ProgressBar(label, total),
          });
          deps.stdout.write(
            `backfill ${from}-${to} (${kind}): ${r.games} games fetched, ${r.inserted} new; ${r.snapshots} new odds snapshots\n`,
          );
        } finally {
          await upstreams.close();
        }
      });
    });
};
