import { Command, Option } from 'commander';
import type { RunResult } from '@nba/orchestrator';
import { createDailyPipeline, dailyModels, DAILY_TASKS, type DailyArgs } from '../daily/daily-pipeline';
import { CliError, EXIT, table } from '@nba/cli';
import { TaskListView } from '../progress';
import { readEnv } from '../env';
import { openRuntime, type Runtime } from '../runtime';
import { assertSameDataKind } from '../upstreams/data-kind';
import { openUpstreams, upstreamKind, type Upstreams } from '../upstreams/upstreams';
import { assertModelNameOption, assertReadableFile, checkedDate } from '../usage-checks';

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
export function dailyArgs(o: RunCommandOptions, env: Parameters<typeof upstreamKind>[0]): DailyArgs {
  const date = checkedDate(o.date);
  const lookbackDays = Number(o.lookbackDays);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || lookbackDays > 30)
    throw new CliError('USAGE', `--lookback-days must be a whole number from 0 to 30, got '${o.lookbackDays}'`);
  assertModelNameOption(o.modelName);
  const source = o.source === 'csv' ? 'csv' : upstreamKind(env, o.source);
  if (source === 'api' && !(env.API_BASKETBALL_KEY && env.THE_ODDS_API_KEY))
    throw new CliError('USAGE', '--source api needs API_BASKETBALL_KEY and THE_ODDS_API_KEY; without keys use --source demo');
  if (source === 'csv' && !o.games) throw new CliError('USAGE', '--source csv needs --games <games.csv>');
  if (o.games) assertReadableFile('--games', o.games);
  if (o.odds) assertReadableFile('--odds', o.odds);
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

/** Prints the per-task outcome table and returns the exit code of a run. */
export function reportRun(result: RunResult): number {
  const rows = result.tasks.map((t) => [
    t.name,
    t.status,
    `${t.attempts} attempt(s)`,
    `${((t.durationMs ?? 0) / 1000).toFixed(1)} s`,
    t.reason ?? t.error?.message?.split('\n')[0] ?? '',
  ]);
  const tasks = table(['TASK', 'STATUS', 'ATTEMPTS', 'TIME', 'NOTE'], rows, { showHeader: false, indent: '  ', alignRight: [2, 3] });
  process.stdout.write(`run ${result.runId}: ${result.status}\n${tasks}\n`);
  if (result.status === 'succeeded') return EXIT.OK;
  return result.failedRequired.length > 0 || result.status === 'cancelled' ? EXIT.FAILED : EXIT.OK;
}

/**
 * Runs the daily pipeline with `args`: a new run, or a resume of an earlier one. One live run per
 * date: another one for the same date is refused (RUN_IN_PROGRESS) before the run writes anything.
 */
export async function executeDaily(
  rt: Runtime,
  args: DailyArgs,
  options: { resume?: { runId: string; force: boolean }; upstreams?: Upstreams } = {},
): Promise<RunResult> {
  const { resume } = options;
  let upstreams = options.upstreams;
  const owned = !upstreams && args.source !== 'csv';
  try {
    if (owned) upstreams = await openUpstreams(args.source as 'api' | 'demo', { env: rt.env, logger: rt.logger, db: rt.db.client }, args.date);
    else if (args.source === 'csv') await assertSameDataKind(rt.db.client, false);
    const view = new TaskListView(DAILY_TASKS);
    const pipeline = createDailyPipeline({
      db: rt.db.client,
      databaseUrl: rt.db.url,
      registry: rt.registry,
      logger: rt.logger,
      onEvent: view.onEvent,
      handleSignals: true,
      ...(upstreams ? { upstreams } : {}),
    });
    if (view.enabled) process.stderr.write(`pipeline ${pipeline.name} for ${args.date} (source ${args.source})\n`);
    // SIGTERM/SIGINT cancel the run (the pipeline records it as cancelled); resume picks it up.
    return resume
      ? await pipeline.resume(resume.runId, args, { force: resume.force })
      : await pipeline.run(args, { args: { ...args, models: args.models.map((m) => ({ ...m })) } });
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
    .addOption(
      new Option('--variant <variant>', 'models to train, promote and predict with: the market-aware one, the stats-only one, or both')
        .choices(['market', 'stats', 'both'])
        .default('both'),
    )
    .option('--model-name <name>', 'registry name of the market-aware model; the stats-only one is <name>-stats', 'nba-winner')
    .option('--lookback-days <n>', 'days before --date whose results are re-fetched', '3')
    .action(async (o: RunCommandOptions) => {
      const args = dailyArgs(o, readEnv());
      const rt = await openRuntime();
      try {
        process.exitCode = reportRun(await executeDaily(rt, args));
      } finally {
        await rt.close();
      }
    });
}
