import { Option } from 'commander';
import { addDays } from '@nba/config';
import { CliError, isoDate, wholeNumber, type AddCommand } from '@nba/cli';
import { dailyModels, type HindcastArgs } from '@nba/lifecycle';
import { executeHindcast } from '../hindcast-run';
import type { PipelineDeps } from '../pipeline-deps';
import { easternToday, withRuntime } from '../runtime';

interface HindcastCommandOptions {
  from: string;
  to?: string;
  variant: 'stats' | 'market' | 'both';
  retrainDays?: number;
}

/** Validates the options into the run's arguments, before any work: a past range of at most one year, `--to` before today. */
export function hindcastArgs(o: HindcastCommandOptions, today: string): HindcastArgs {
  const to = o.to ?? addDays(today, -1);
  if (to >= today)
    throw new CliError(
      'USAGE',
      `--to must be a past day (before ${today}; today's forecasts are the daily run's), got '${to}'`,
    );
  if (o.from > to) throw new CliError('USAGE', `--from must not be after --to, got --from ${o.from} --to ${to}`);
  if (o.from < addDays(to, -366))
    throw new CliError(
      'USAGE',
      `--from must be within a year of --to (one season at a time), got --from ${o.from} --to ${to}`,
    );
  if (o.retrainDays !== undefined && (o.retrainDays < 1 || o.retrainDays > 60))
    throw new CliError('USAGE', `--retrain-days must be a whole number from 1 to 60, got ${o.retrainDays}`);
  return {
    from: o.from,
    to,
    models: dailyModels('nba-winner', o.variant),
    ...(o.retrainDays !== undefined ? { retrainDays: o.retrainDays } : {}),
  };
}

/** `hindcast`: past days forecast as each model would have forecast them that morning, stored as hindcasts. */
export const registerHindcastCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('hindcast')
    .description(
      'forecast past days as the models would have that morning (trained only on earlier games), stored and scored as hindcasts',
    )
    .requiredOption('--from <YYYY-MM-DD>', 'first day', isoDate)
    .option('--to <YYYY-MM-DD>', 'last day (default: yesterday, US Eastern)', isoDate)
    .addOption(new Option('--variant <variant>', 'which models').choices(['market', 'stats', 'both']).default('both'))
    .option('--retrain-days <n>', 'days between retrains, from each season start (default 7)', wholeNumber)
    .action(async (o: HindcastCommandOptions) => {
      const args = hindcastArgs(o, easternToday());
      return withRuntime(deps.env, {}, (rt) => executeHindcast(deps.stdout, rt, args));
    });
};
