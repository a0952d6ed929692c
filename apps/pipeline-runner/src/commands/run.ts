import { parseIsoDate } from '@nba/config';
import { Command, Option } from 'commander';
import type { RunResult } from '@nba/orchestrator';
import { createDailyPipeline, DAILY_TASKS, type DailyArgs } from '../daily/daily-pipeline';
import { EXIT, UsageError } from '../usage';
import { TaskListView } from '../progress';
import { readEnv } from '../env';
import { easternToday, openRuntime, type Runtime } from '../runtime';
import { openUpstreams, type Upstreams } from '../upstreams/upstreams';

export interface RunCommandOptions {
  date?: string;
  skipOdds?: boolean;
  skipTrain?: boolean;
  autoPromote?: boolean;
  source?: 'api' | 'demo' | 'csv';
  games?: string;
  odds?: string;
  variant: 'stats' | 'market';
  modelName: string;
  lookbackDays: string;
}

/** Validates the options into the run's stored arguments; bad values are usage errors. */
export function dailyArgs(o: RunCommandOptions, hasKeys: boolean): DailyArgs {
  const date = o.date ?? easternToday();
  try {
    parseIsoDate(date);
  } catch (e) {
    throw new UsageError(`--date: ${(e as Error).message}`);
  }
  const lookbackDays = Number(o.lookbackDays);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || lookbackDays > 30) throw new UsageError(`--lookback-days must be a whole number from 0 to 30, got '${o.lookbackDays}'`);
  const source = o.source ?? (hasKeys ? 'api' : 'demo');
  if (source === 'csv' && !o.games) throw new UsageError('--source csv needs --games <games.csv>');
  return {
    date,
    source,
    skipOdds: Boolean(o.skipOdds),
    skipTrain: Boolean(o.skipTrain),
    autoPromote: Boolean(o.autoPromote),
    modelName: o.modelName,
    variant: o.variant,
    lookbackDays,
    ...(o.games ? { gamesCsv: o.games } : {}),
    ...(o.odds ? { oddsCsv: o.odds } : {}),
  };
}

/** Prints the per-task outcome table and returns the exit code of a run. */
export function reportRun(result: RunResult): number {
  const rows = result.tasks.map((t) => `  ${t.name.padEnd(14)} ${t.status.padEnd(10)} ${String(t.attempts).padStart(2)} attempt(s) ${((t.durationMs ?? 0) / 1000).toFixed(1).padStart(6)} s  ${t.reason ?? t.error?.message?.split('\n')[0] ?? ''}`);
  process.stdout.write(`run ${result.runId}: ${result.status}\n${rows.join('\n')}\n`);
  if (result.status === 'succeeded') return EXIT.OK;
  return result.failedRequired.length > 0 || result.status === 'cancelled' ? EXIT.FAILED : EXIT.OK;
}

/** Runs the daily pipeline with `args`: a new run, or a resume of an earlier one. */
export async function executeDaily(
  rt: Runtime,
  args: DailyArgs,
  options: { resume?: { runId: string; force: boolean }; upstreams?: Upstreams } = {},
): Promise<RunResult> {
  const { resume } = options;
  let upstreams = options.upstreams;
  const owned = !upstreams && args.source !== 'csv';
  try {
    if (owned) upstreams = await openUpstreams(args.source as 'api' | 'demo', rt.env, rt.logger, args.date);
    const view = new TaskListView(DAILY_TASKS);
    const pipeline = createDailyPipeline({ db: rt.db.client, registry: rt.registry, logger: rt.logger, onEvent: view.onEvent, handleSignals: true, ...(upstreams ? { upstreams } : {}) });
    if (view.enabled) process.stderr.write(`pipeline ${pipeline.name} for ${args.date} (source ${args.source})\n`);
    // SIGTERM/SIGINT cancel the run (the pipeline records it as cancelled); resume picks it up.
    return resume ? await pipeline.resume(resume.runId, args, { force: resume.force }) : await pipeline.run(args, { args: { ...args } });
  } finally {
    if (owned) await upstreams?.close();
  }
}

/** `run`: the daily job. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('the daily job: ingest games and odds, settle, features, train, evaluate, register, (promote), predict')
    .option('--date <YYYY-MM-DD>', 'day to predict (default: today, US Eastern)')
    .option('--skip-odds', 'do not fetch odds')
    .option('--skip-train', 'do not train a candidate; predict with the production model')
    .option('--auto-promote', 'promote the candidate when it beats production on log loss (or when there is none)')
    .addOption(new Option('--source <source>', 'where games come from (default: api with keys, else demo)').choices(['api', 'demo', 'csv']))
    .option('--games <games.csv>', 'games file for --source csv')
    .option('--odds <odds.csv>', 'closing lines file for --source csv')
    .addOption(new Option('--variant <variant>', 'model variant to train').choices(['stats', 'market']).default('market'))
    .option('--model-name <name>', 'registry name of the model', 'nba-winner')
    .option('--lookback-days <n>', 'days before --date whose results are re-fetched', '3')
    .action(async (o: RunCommandOptions) => {
      const env = readEnv();
      const args = dailyArgs(o, Boolean(env.API_BASKETBALL_KEY && env.THE_ODDS_API_KEY));
      const rt = await openRuntime();
      try {
        process.exitCode = reportRun(await executeDaily(rt, args));
      } finally {
        await rt.close();
      }
    });
}
