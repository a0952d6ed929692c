import { EXIT, table, type ExitCode, type TextOutput } from '@nba/cli';
import {
  DAILY_TASKS,
  resumeDaily,
  runDaily,
  type DailyArgs,
  type DailyRunDeps,
  type DailyRunResult,
  type Upstreams,
} from '@nba/lifecycle';
import { gitCommit } from './git-commit';
import { TaskListView } from './progress';
import type { Runtime } from './runtime';

// The wiring the run, resume and start commands share (no command imports another): the
// lifecycle's daily run with the terminal's task list, and its outcome printed as a table.

/** Prints the per-task outcome table and returns the exit code of a run. */
export function reportRun(
  out: TextOutput,
  result: Pick<DailyRunResult, 'runId' | 'status' | 'tasks' | 'failedRequired'>,
): ExitCode {
  const rows = result.tasks.map((t) => [
    t.name,
    t.status,
    `${t.attempts} attempt(s)`,
    `${((t.durationMs ?? 0) / 1000).toFixed(1)} s`,
    t.reason ?? t.error?.message?.split('\n')[0] ?? '',
  ]);
  const tasks = table(['TASK', 'STATUS', 'ATTEMPTS', 'TIME', 'NOTE'], rows, {
    showHeader: false,
    indent: '  ',
    alignRight: [2, 3],
  });
  out.write(`run ${result.runId}: ${result.status}\n${tasks}\n`);
  if (result.status === 'succeeded') return EXIT.OK;
  return result.failedRequired.length > 0 || result.status === 'cancelled' ? EXIT.FAILED : EXIT.OK;
}

/**
 * Runs the daily job (a new run, or the resume of `resume.runId`) with the runtime's database,
 * registry and upstream settings; SIGTERM/SIGINT cancel it (recorded as cancelled; resume picks
 * it up). Prints the outcome table on `out` and returns the exit code.
 */
export async function executeDaily(
  rt: Runtime,
  out: TextOutput,
  args: DailyArgs,
  options: { resume?: { runId: string; force: boolean }; upstreams?: Upstreams } = {},
): Promise<ExitCode> {
  const view = new TaskListView(DAILY_TASKS);
  const deps: DailyRunDeps = {
    db: rt.db.client,
    databaseUrl: rt.db.url,
    registry: rt.registry,
    logger: rt.logger,
    upstreamSettings: rt.env,
    upstreams: options.upstreams,
    onEvent: view.onEvent,
    handleSignals: true,
    gitCommit: gitCommit(),
  };
  if (view.enabled) process.stderr.write(`pipeline daily for ${args.date} (source ${args.source})\n`);
  const { resume } = options;
  const result = resume
    ? await resumeDaily(deps, resume.runId, args, { force: resume.force })
    : await runDaily(deps, args);
  return reportRun(out, result);
}
