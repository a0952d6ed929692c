import type { Command } from 'commander';
import { liveStatus, PrismaRunStore } from '@nba/orchestrator';
import { UsageError } from '../usage';
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
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, got '${o.limit}'`);
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
        for (const r of shown) {
          const took = r.finishedAt ? `${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1)} s` : 'unfinished';
          process.stdout.write(`${r.id}  ${r.name}  ${r.status.padEnd(9)}  ${r.startedAt.toISOString()}  ${took}${r.lockKey ? `  for ${r.lockKey}` : ''}${r.holder ? `  by ${r.holder}` : ''}${r.resumedFromId ? `  (resumes ${r.resumedFromId})` : ''}\n`);
          if (r.error && r.status !== 'failed') process.stdout.write(`    ${r.error.split('\n')[0]}\n`);
          for (const t of r.tasks) {
            const note = t.error ? `  ${t.error.split('\n')[0]}` : '';
            process.stdout.write(`    ${t.task.padEnd(14)} attempt ${t.attempt}  ${t.status.padEnd(9)} ${t.durationMs != null ? `${(t.durationMs / 1000).toFixed(1)} s` : ''}${note}\n`);
          }
        }
      } finally {
        await rt.close();
      }
    });
}
