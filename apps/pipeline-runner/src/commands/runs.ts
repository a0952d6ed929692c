import type { Command } from 'commander';
import { liveStatus, PrismaRunStore } from '@nba/orchestrator';
import { CliError, table } from '@nba/cli';
import { openRuntime } from '../runtime';

/** `runs [--limit N] [--json]`: recent runs and their tasks. */
export function registerRunsCommand(program: Command): void {
  program
    .command('runs')
    .description('recent pipeline runs and their tasks')
    .option('--limit <n>', 'how many runs', '10')
    .option('--json', 'machine-readable output')
    .action(async (o: { limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('USAGE', `--limit must be a whole number from 1 to 1000, got '${o.limit}'`);
      const rt = await openRuntime({ quiet: true });
      try {
        const runs = await rt.db.client.pipelineRun.findMany({
          orderBy: { startedAt: 'desc' },
          take: limit,
          include: { tasks: { orderBy: [{ startedAt: 'asc' }, { attempt: 'asc' }] } },
        });
        // a run still marked running whose process is gone (no lease) is shown as abandoned
        const store = new PrismaRunStore(rt.db.client, { databaseUrl: rt.db.url });
        const shown = await Promise.all(runs.map(async (r) => ({ ...r, status: await liveStatus(store, r), storedStatus: r.status })));
        if (o.json) {
          process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) process.stdout.write('no runs yet; start one with: pnpm pipeline -- run\n');
        // one table of the runs (aligned across runs), each run's tasks indented under its line
        const runLines = table(
          ['RUN', 'NAME', 'STATUS', 'STARTED', 'TOOK', 'DETAILS'],
          shown.map((r) => [
            r.id,
            r.name,
            r.status,
            r.startedAt.toISOString(),
            r.finishedAt ? `${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1)} s` : 'unfinished',
            [r.lockKey ? `for ${r.lockKey}` : '', r.holder ? `by ${r.holder}` : '', r.resumedFromId ? `(resumes ${r.resumedFromId})` : '']
              .filter(Boolean)
              .join('  '),
          ]),
          { showHeader: false },
        ).split('\n');
        shown.forEach((r, i) => {
          process.stdout.write(`${runLines[i]}\n`);
          if (r.error && r.status !== 'failed') process.stdout.write(`    ${r.error.split('\n')[0]}\n`);
          const tasks = r.tasks.map((t) => [
            t.task,
            `attempt ${t.attempt}`,
            t.status,
            t.durationMs != null ? `${(t.durationMs / 1000).toFixed(1)} s` : '',
            t.error ? t.error.split('\n')[0] : '',
          ]);
          if (tasks.length)
            process.stdout.write(`${table(['TASK', 'ATTEMPT', 'STATUS', 'TIME', 'ERROR'], tasks, { showHeader: false, indent: '    ', alignRight: [3] })}\n`);
        });
      } finally {
        await rt.close();
      }
    });
}
