import { table, type ExitCode, type TextOutput } from '@nba/cli';
import { runHindcast, type HindcastArgs, type HindcastResult } from '@nba/lifecycle';
import { reportRun } from './daily-run';
import { gitCommit } from './git-commit';
import { ProgressBar } from './progress';
import type { Runtime } from './runtime';

// The wiring the hindcast and start commands share: the lifecycle's hindcast run with a progress
// bar on the terminal, its summary and the run's tasks printed.

/** The hindcast's summary: per model, the retrain windows (trained now or found), forecasts stored and withheld. */
export function hindcastSummary(r: HindcastResult): string {
  const names = [...new Set(r.windows.map((w) => w.model))];
  const rows = names.map((name) => {
    const ws = r.windows.filter((w) => w.model === name);
    const sum = (f: (w: (typeof ws)[number]) => number) => ws.reduce((n, w) => n + f(w), 0);
    return [
      name,
      ws.length,
      sum((w) => (w.reused ? 0 : 1)),
      sum((w) => w.games),
      sum((w) => w.stored),
      sum((w) => w.withheld),
    ];
  });
  const head = `hindcast ${r.from}..${r.to}: ${r.days} days with games, retrained every ${r.retrainDays} days`;
  return `${head}\n${table(['MODEL', 'WINDOWS', 'TRAINED', 'GAMES', 'STORED', 'WITHHELD'], rows, { indent: '  ', alignRight: [1, 2, 3, 4, 5] })}\n`;
}

/** Runs a hindcast on an open runtime with a progress bar on the terminal; prints the summary and the run's tasks. */
export async function executeHindcast(out: TextOutput, rt: Runtime, args: HindcastArgs): Promise<ExitCode> {
  let bar: ProgressBar | undefined;
  const result = await runHindcast(
    {
      db: rt.db.client,
      databaseUrl: rt.db.url,
      registry: rt.registry,
      logger: rt.logger,
      handleSignals: true,
      gitCommit: gitCommit(),
      onProgress: (_done, total, note) => (bar ??= new ProgressBar('hindcast', total)).tick(note),
    },
    args,
  );
  if (result.results.hindcast) out.write(hindcastSummary(result.results.hindcast));
  return reportRun(out, result);
}
