import os from 'node:os';
import { CliError, readableFile, type CliCommand } from '@nba/cli';
import { LifecycleError, mergeOutlookBacktest, runOutlookBacktest, type OutlookBacktestReport } from '@nba/lifecycle';
import { loadGamesCsv } from '@nba/modeling';
import { createAppLogger, readEnv } from '../env';
import type { PipelineDeps } from '../pipeline-deps';

/** Options of `outlook-backtest` as commander parses them. */
interface OutlookBacktestOptions {
  games?: string;
  odds?: string;
  fromSeason: number;
  toSeason: number;
  every: number;
  simulations?: number;
  baselineSimulations?: number;
  seed: number;
  seasonIndex?: number;
  workers: number;
  out: string;
  merge?: string;
}

const int = (v: string): number => (/^-?\d+$/.test(v) ? Number(v) : Number.NaN);

function summary(report: OutlookBacktestReport, out: string): string {
  const o = report.overall.scores;
  const lines = [
    `outlook-backtest: ${report.overall.mornings} mornings, ${out}/outlook.csv, report.md, report.json, calibration.svg`,
  ];
  if (o)
    lines.push(
      `make_playoffs Brier: outlook ${o.outlook.makePlayoffsBrier.toFixed(4)}, elo ${o.elo.makePlayoffsBrier.toFixed(4)}, winPct ${o.winPct.makePlayoffsBrier.toFixed(4)}`,
    );
  for (const g of report.goals)
    lines.push(
      `goal: ${g.goal}: ${g.value === null ? 'n/a' : g.value.toFixed(4)} (${g.met === null ? 'not covered' : g.met ? 'met' : 'not met'})`,
    );
  return lines.join('\n') + '\n';
}

/** Registers `outlook-backtest` on the pipeline program: parses the arguments, calls @nba/lifecycle, prints the outcome. */
export function registerOutlookBacktestCommand(program: CliCommand, deps: PipelineDeps): void {
  program
    .command('outlook-backtest')
    .description(
      'season outlook on every morning of past seasons, scored beside the win-percentage and Elo baselines; writes outlook.csv and the report',
    )
    .option('--games <file>', 'games.csv', readableFile(process.cwd()))
    .option('--odds <file>', 'odds.csv with closing lines', readableFile(process.cwd()))
    .option('--from-season <year>', 'first season (ending year)', int, 2016)
    .option('--to-season <year>', 'last season (ending year)', int, 2024)
    .option('--every <days>', 'every how many regular-season game days a morning is scored', int, 1)
    .option('--simulations <n>', 'simulations a morning (default 10000)', int)
    .option('--baseline-simulations <n>', 'simulations a morning for each baseline (default 2000)', int)
    .option('--seed <n>', 'base seed (a morning adds its day number in the season)', int, 1)
    .option(
      '--season-index <i>',
      'only the season at this 0-based index of the range (a Kubernetes Job index); saved, not merged',
      int,
    )
    .option('--workers <n>', 'worker threads, one season per task (default: all cores)', int, os.availableParallelism())
    .option('--out <dir>', 'output folder', 'outlook-backtest-out')
    .option('--merge <dir>', 'only merge the season parts saved in this folder into outlook.csv and the report')
    .action(async (o: OutlookBacktestOptions) => {
      const logger = createAppLogger(readEnv(deps.env));
      const started = Date.now();
      const cpu = process.cpuUsage();
      try {
        if (o.merge !== undefined) {
          deps.stdout.write(summary(mergeOutlookBacktest(o.merge), o.merge));
          return;
        }
        if (!o.games)
          throw new CliError(
            'USAGE',
            'outlook-backtest needs --games <games.csv> (and --odds <odds.csv>), or --merge <dir>',
          );
        if (!Number.isInteger(o.workers) || o.workers < 1)
          throw new CliError('USAGE', `invalid --workers ${o.workers}: expected a whole number, at least 1`);
        const history = loadGamesCsv(o.games, o.odds);
        logger.info('outlook backtest start', {
          games: history.games.length,
          lines: history.lines.size,
          fromSeason: o.fromSeason,
          toSeason: o.toSeason,
          workers: o.workers,
        });
        const result = await runOutlookBacktest(history, {
          fromSeason: o.fromSeason,
          toSeason: o.toSeason,
          every: o.every,
          seed: o.seed,
          out: o.out,
          workers: o.workers,
          ...(o.simulations !== undefined ? { simulations: o.simulations } : {}),
          ...(o.baselineSimulations !== undefined ? { baselineSimulations: o.baselineSimulations } : {}),
          ...(o.seasonIndex !== undefined ? { seasonIndex: o.seasonIndex } : {}),
          onSeason: (e) => logger.info('outlook backtest season done', { ...e }),
        });
        const used = process.cpuUsage(cpu);
        const timing = `wall ${((Date.now() - started) / 1000).toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (all threads)`;
        if (result.report) deps.stdout.write(summary(result.report, o.out));
        else
          deps.stdout.write(
            `outlook-backtest: season part(s) ${[...result.computed, ...result.reused].join(', ')} saved in ${o.out}/seasons (merge with --merge ${o.out})\n`,
          );
        deps.stdout.write(
          `${timing}; computed ${result.computed.join(', ') || 'none'}, reused ${result.reused.join(', ') || 'none'}\n`,
        );
      } catch (err) {
        // a bad setting is a usage error (exit 2) naming the option and the value
        if (err instanceof LifecycleError && err.code === 'BAD_OUTLOOK_OPTIONS')
          throw new CliError('USAGE', err.message, { cause: err });
        throw err;
      }
    });
}
