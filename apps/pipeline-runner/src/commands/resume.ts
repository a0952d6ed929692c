import { CliError, type AddCommand } from '@nba/cli';
import { LifecycleError, storedDailyArgs } from '@nba/lifecycle';
import { executeDaily } from '../daily-run';
import type { PipelineDeps } from '../pipeline-deps';
import { withRuntime } from '../runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `resume --run-id ID`: re-runs only what did not succeed in an earlier daily run, with its
 * arguments. A run whose process is alive is refused by the orchestrator (naming the run).
 */
export const registerResumeCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('resume')
    .description('resume a failed or cancelled run: only the tasks that did not succeed run again')
    .requiredOption('--run-id <id>', 'the run to resume (see `runs`)')
    .option('--force', 'resume a run still marked running (its process died without recording the end)')
    .action(async (o: { runId: string; force?: boolean }) => {
      if (!UUID.test(o.runId)) throw new CliError('USAGE', `--run-id must be a run id (a UUID), got '${o.runId}'`);
      return withRuntime(deps.env, {}, async (rt) => {
        const args = await storedDailyArgs({ db: rt.db.client, databaseUrl: rt.db.url }, o.runId).catch(
          (error: unknown) => {
            if (error instanceof LifecycleError && error.code === 'UNKNOWN_RUN')
              throw new CliError('USAGE', `${error.message}; list runs with: pnpm pipeline -- runs`);
            if (error instanceof LifecycleError && error.code === 'NOT_A_DAILY_RUN')
              throw new CliError('USAGE', `${error.message} here`);
            throw error;
          },
        );
        return executeDaily(rt, deps.stdout, args, { resume: { runId: o.runId, force: Boolean(o.force) } });
      });
    });
};
