import type { Command } from 'commander';
import { liveStatus, PrismaRunStore } from '@nba/orchestrator';
import { DAILY_PIPELINE, type DailyArgs } from '../daily/daily-pipeline';
import { CliError } from '@nba/cli';
import { openRuntime } from '../runtime';
import { executeDaily, reportRun } from './run';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `resume --run-id ID`: re-runs only what did not succeed in an earlier daily run, with its arguments. */
export function registerResumeCommand(program: Command): void {
  program
    .command('resume')
    .description('resume a failed or cancelled run: only the tasks that did not succeed run again')
    .requiredOption('--run-id <id>', 'the run to resume (see `runs`)')
    .option('--force', 'resume a run still marked running (its process died without recording the end)')
    .action(async (o: { runId: string; force?: boolean }) => {
      if (!UUID.test(o.runId)) throw new CliError('USAGE', `--run-id must be a run id (a UUID), got '${o.runId}'`);
      const rt = await openRuntime();
      try {
        const run = await rt.db.client.pipelineRun.findUnique({ where: { id: o.runId } });
        if (!run) throw new CliError('USAGE', `no run with id ${o.runId}; list runs with: pnpm pipeline -- runs`);
        if (run.name !== DAILY_PIPELINE)
          throw new CliError('USAGE', `run ${o.runId} is a '${run.name}' run; only '${DAILY_PIPELINE}' runs can be resumed here`);
        const store = new PrismaRunStore(rt.db.client, { databaseUrl: rt.db.url });
        if (!o.force && (await liveStatus(store, run)) === 'running') {
          throw new Error(
            `run ${o.runId} is still running in a live process (${run.holder ?? 'holder unknown'}, started ${run.startedAt.toISOString()}); ` +
              'wait for it to finish, or stop that process and resume again (a run whose process died resumes without --force); --force resumes it anyway',
          );
        }
        process.exitCode = reportRun(await executeDaily(rt, run.args as unknown as DailyArgs, { resume: { runId: o.runId, force: Boolean(o.force) } }));
      } finally {
        await rt.close();
      }
    });
}
