import { liveStatus, PrismaRunStore } from '@nba/orchestrator';
import { CliError, table, type AddCommand } from '@nba/cli';
import type { PipelineDeps } from '../pipeline-deps';
import { withRuntime } from '../runtime';

/** `runs [--limit N] [--json]`: recent runs and their tasks, read through the orchestrator's run store. */
export const registerRunsCommand: AddCommand<PipelineDeps> = (program, deps) => {
  program
    .command('runs')
    .description('recent pipeline runs and their tasks')
    .option('--limit <n>', 'how many runs', '10')
    .option('--json', 'machine-readable output')
    .action(async (o: { limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new CliError('USAGE', `--limit must be a whole number from 1 to 1000, got '${o.limit}'`);
      await withRuntime(deps.env, { quiet: true }, async (rt) => {
        const store = new PrismaRunStore(rt.db.client, { databaseUrl: rt.db.url });
        const runs = await store.recentRuns(limit);
        // a run still marked running whose process is gone (no lease) is shown as abandoned
        const shown = await Promise.all(
          runs.map(async (r) => ({ ...r, status: await liveStatus(store, r), storedStatus: r.status })),
        );
        if (o.json) {
          deps.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) deps.stdout.write('no runs yet; start one with: pnpm pipeline -- run\n');
        // one table of the runs (aligned across runs), each run's tasks indented under its line
        const runLines = table(
          ['RUN', 'NAME', 'STATUS', 'STARTED', 'TOOK', 'DETAILS'],
          shown.map((r) => [
            r.id,
            r.name,
            r.status,
            r.startedAt.toISOString(),
            r.finishedAt ? `${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1)} s` : 'unfinished',
            [
              r.lockKey ? `for ${r.lockKey}` : '',
              r.holder ? `by ${r.holder}` : '',
              r.resumedFromId ? `(resumes ${r.resumedFromId})` : '',
            ]
              .filter(Boolean)
              .join('  '),
          ]),
          { showHeader: false },
        ).split('\n');
        shown.forEach((r, i) => {
          deps.stdout.write(`${runLines[i]}\n`);
          if (r.error && r.status !== 'failed') deps.stdout.write(`    ${r.error.split('\n')[0]}\n`);
          const tasks = r.tasks.map((t) => [
            t.task,
            `attempt ${t.attempt}`,
            t.status,
            t.durationMs != null ? `${(t.durationMs / 1000).toFixed(1)} s` : '',
            t.error ? t.error.split('\n')[0] : '',
          ]);
          if (tasks.length)
            deps.stdout.write(
              `${table(['TASK', 'ATTEMPT', 'STATUS', 'TIME', 'ERROR'], tasks, { showHeader: false, indent: '    ', alignRight: [3] })}\n`,
            );
        });
      });
    });
};
