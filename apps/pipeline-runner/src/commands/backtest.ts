import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '@nba/logging';
import { calibrationSvg, loadGamesCsv, reportMarkdown, runBacktest, type BacktestReport } from '@nba/modeling';
import type { ClosingLine, GameRecord } from '@nba/games';
import { loadFeatureInputs } from '@nba/ingestion';
import { createAppLogger, readEnv } from '../env';
import { CliError, readableFile, type AddCommand } from '@nba/cli';
import type { PipelineDeps } from '../pipeline-deps';
import { withRuntime } from '../runtime';
import { gitCommit } from '../git-commit';

/** Options of the `backtest` command. */
export interface BacktestCommandOptions {
  /** games.csv path; without it the games and closing lines come from the database. */
  games?: string;
  odds?: string;
  fromSeason: number;
  toSeason: number;
  out: string;
}

/** How the default parameters were chosen (copied into every report). */
export const TUNING_NOTE =
  'hyperparameters and feature constants chosen by walk-forward backtests on seasons 2010-2015 only; seasons 2016-2024 were never used for tuning';

/** Runs the walk-forward backtest and writes report.json, report.md and calibration.svg into `out`. */
export function runBacktestCommand(
  options: BacktestCommandOptions,
  logger: Logger,
  history?: { games: GameRecord[]; lines: Map<string, ClosingLine> },
): BacktestReport {
  if (
    !Number.isInteger(options.fromSeason) ||
    !Number.isInteger(options.toSeason) ||
    options.fromSeason > options.toSeason
  ) {
    throw new CliError(
      'USAGE',
      `bad season range ${options.fromSeason}-${options.toSeason}: --from-season and --to-season are ending years with from <= to`,
    );
  }
  const { games, lines } = history ?? loadGamesCsv(gamesFileOf(options), options.odds);
  logger.info('backtest start', {
    games: games.length,
    lines: lines.size,
    fromSeason: options.fromSeason,
    toSeason: options.toSeason,
  });
  const report = runBacktest(games, lines, {
    fromSeason: options.fromSeason,
    toSeason: options.toSeason,
    gitCommit: gitCommit() ?? null,
    tuning: TUNING_NOTE,
    onProgress: (message, meta) => logger.debug(message, meta),
  });
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(options.out, 'report.md'), reportMarkdown(report));
  fs.writeFileSync(
    path.join(options.out, 'calibration.svg'),
    calibrationSvg(report.calibration, `Calibration ${options.fromSeason}-${options.toSeason}`),
  );
  const o = report.overall;
  logger.info('backtest done', {
    out: options.out,
    wallTimeMs: report.wallTimeMs,
    logLoss: Object.fromEntries(
      (['home', 'elo', 'market', 'model_stats', 'model_market'] as const).map((f) => [
        f,
        Number(o[f].logLoss.toFixed(4)),
      ]),
    ),
  });
  return report;
}

/** The games.csv to read when no history from the database is given (a usage error without one). */
function gamesFileOf(options: BacktestCommandOptions): string {
  if (!options.games) throw new CliError('USAGE', 'backtest needs --games <games.csv>, or games in the database');
  return options.games;
}

/** Registers `backtest --games --odds --from-season --to-season --out` on the pipeline program. */
export const registerBacktestCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('backtest')
    .description('walk-forward backtest by season; writes report.json, report.md and calibration.svg')
    .option(
      '--games <file>',
      'games.csv (without it: the games and closing lines in the database)',
      readableFile(process.cwd()),
    )
    .option('--odds <file>', 'odds.csv with closing lines', readableFile(process.cwd()))
    .option('--from-season <year>', 'first season predicted (ending year)', (v) => Number(v), 2016)
    .option('--to-season <year>', 'last season predicted (ending year)', (v) => Number(v), 2024)
    .option('--out <dir>', 'output folder', 'backtest-out')
    .action(async (opts: BacktestCommandOptions) => {
      if (opts.games) {
        runBacktestCommand(opts, createAppLogger(readEnv(deps.env)));
        return;
      }
      await withRuntime(deps.env, {}, async (rt) => {
        runBacktestCommand(opts, rt.logger, await loadFeatureInputs(rt.db.client));
      });
    });
};
