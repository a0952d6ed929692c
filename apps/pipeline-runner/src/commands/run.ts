import { Option } from 'commander';
import { CliError, isoDate, readableFile, type AddCommand } from '@nba/cli';
import { dailyModels, upstreamKind, type DailyArgs } from '@nba/lifecycle';
import { executeDaily } from '../daily-run';
import { readEnv, type PipelineEnv } from '../env';
import type { PipelineDeps } from '../pipeline-deps';
import { easternToday, withRuntime } from '../runtime';
import { assertModelNameOption } from '../usage-checks';

export interface RunCommandOptions {
  date?: string;
  skipOdds?: boolean;
  skipTrain?: boolean;
  autoPromote?: boolean;
  source?: 'api' | 'demo' | 'csv';
  games?: string;
  odds?: string;
  variant: 'stats' | 'market' | 'both';
  modelName: string;
  lookbackDays: string;
}

/** Validates the options into the run's stored arguments, before any work; bad values are usage errors. */
export function dailyArgs(
  o: RunCommandOptions,
  env: Pick<PipelineEnv, 'API_BASKETBALL_KEY' | 'THE_ODDS_API_KEY'>,
): DailyArgs {
  const date = o.date ?? easternToday();
  const lookbackDays = Number(o.lookbackDays);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || lookbackDays > 30)
    throw new CliError('USAGE', `--lookback-days must be a whole number from 0 to 30, got '${o.lookbackDays}'`);
  assertModelNameOption(o.modelName);
  const source = o.source === 'csv' ? 'csv' : upstreamKind(env, o.source);
  if (source === 'api' && !(env.API_BASKETBALL_KEY && env.THE_ODDS_API_KEY))
    throw new CliError(
      'USAGE',
      '--source api needs API_BASKETBALL_KEY and THE_ODDS_API_KEY; without keys use --source demo',
    );
  if (source === 'csv' && !o.games) throw new CliError('USAGE', '--source csv needs --games <games.csv>');
  return {
    date,
    source,
    skipOdds: Boolean(o.skipOdds),
    skipTrain: Boolean(o.skipTrain),
    autoPromote: Boolean(o.autoPromote),
    models: dailyModels(o.modelName, o.variant),
    lookbackDays,
    ...(o.games ? { gamesCsv: o.games } : {}),
    ...(o.odds ? { oddsCsv: o.odds } : {}),
  };
}

/** `run`: the daily job. */
export const registerRunCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('run')
    .description(
      'the daily job: ingest games and odds, settle, features, train, evaluate, register, (promote), predict',
    )
    .option('--date <YYYY-MM-DD>', 'day to predict (default: today, US Eastern)', isoDate)
    .option('--skip-odds', 'do not fetch odds')
    .option('--skip-train', 'do not train a candidate; predict with the production model')
    .option('--auto-promote', 'promote the candidate when it beats production on log loss (or when there is none)')
    .addOption(
      new Option('--source <source>', 'where games come from (default: api with keys, else demo)').choices([
        'api',
        'demo',
        'csv',
      ]),
    )
    .option('--games <games.csv>', 'games file for --source csv', readableFile(process.cwd()))
    .option('--odds <odds.csv>', 'closing lines file for --source csv', readableFile(process.cwd()))
    .addOption(
      new Option(
        '--variant <variant>',
        'models to train, promote and predict with: the market-aware one, the stats-only one, or both',
      )
        .choices(['market', 'stats', 'both'])
        .default('both'),
    )
    .option(
      '--model-name <name>',
      'registry name of the market-aware model; the stats-only one is <name>-stats',
      'nba-winner',
    )
    .option('--lookback-days <n>', 'days before --date whose results are re-fetched', '3')
    .action(async (o: RunCommandOptions) => {
      const args = dailyArgs(o, readEnv(deps.env));
      return withRuntime(deps.env, {}, (rt) => executeDaily(rt, deps.stdout, args));
    });
};
