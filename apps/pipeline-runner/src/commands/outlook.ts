import { CliError, EXIT, isoDate, wholeNumber, type AddCommand } from '@nba/cli';
import { dailyOutlook, DEFAULT_OUTLOOK_SIMULATIONS } from '@nba/lifecycle';
import type { PipelineDeps } from '../pipeline-deps';
import { easternToday, withRuntime } from '../runtime';

interface OutlookCommandOptions {
  date?: string;
  simulations?: number;
  seed?: number;
}

/** `outlook`: the season outlook of one morning, computed from the stored games and lines and stored (what the daily `outlook` task does). */
export const registerOutlookCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('outlook')
    .description("simulate the rest of the season from one morning's data and store every team's odds")
    .option('--date <YYYY-MM-DD>', 'the morning (default: today, US Eastern)', isoDate)
    .option('--simulations <n>', `seasons simulated (default ${DEFAULT_OUTLOOK_SIMULATIONS})`, wholeNumber)
    .option(
      '--seed <n>',
      "the simulations' seed (default: from the date, so a rerun stores the same odds)",
      wholeNumber,
    )
    .action(async (o: OutlookCommandOptions) => {
      const date = o.date ?? easternToday();
      if (o.simulations !== undefined && (o.simulations < 100 || o.simulations > 1_000_000)) {
        throw new CliError('USAGE', `--simulations must be between 100 and 1000000, got ${o.simulations}`);
      }
      return withRuntime(deps.env, {}, async (rt) => {
        const r = await dailyOutlook(rt.db.client, date, { simulations: o.simulations, seed: o.seed });
        if ('skipped' in r) {
          deps.stdout.write(`outlook ${date}: nothing stored: ${r.skipped}\n`);
          return EXIT.FAILED;
        }
        deps.stdout.write(
          `outlook ${date} (season ${r.season}): ${r.rows} teams stored, ${r.simulations} simulations, seed ${r.seed}${r.isDemo ? ', demo data' : ''}\n`,
        );
        return EXIT.OK;
      });
    });
};
