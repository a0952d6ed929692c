import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClosingLine, GameRecord } from '@nba/games';
import { LifecycleError } from '../../lifecycle-error';
import type { OutlookBacktestSettings } from './backtest-options';
import { runSeasonJob } from './season-job';

/**
 * The worker's code, as source text: it loads the compiled season job beside this file, so the same
 * code runs from `dist/`; under the test runner (TypeScript sources, no compiled file) seasons run
 * on the calling thread instead.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { runSeasonJob } = require(workerData.module);
parentPort.on('message', (season) => {
  try {
    const cpuMs = runSeasonJob(workerData.games, workerData.lines, season, workerData.settings, workerData.out);
    parentPort.postMessage({ season, cpuMs });
  } catch (err) {
    parentPort.postMessage({ season, error: String((err && err.message) || err) });
  }
});`;

/** What the pool needs: the history, the settings and where parts go. */
export interface SeasonPoolInput {
  readonly games: readonly GameRecord[];
  readonly lines: ReadonlyMap<string, ClosingLine>;
  readonly settings: OutlookBacktestSettings;
  readonly out: string;
  /** Threads (default: one per season up to the cores given by the caller). */
  readonly workers: number;
  readonly onSeason?: (season: number, cpuMs: number) => void;
}

const compiledJob = path.join(__dirname, 'season-job.js');

/** Runs the seasons' jobs, one season per task, over `workers` threads (on this thread when 1 or when not compiled). */
export async function runSeasonsInPool(seasons: readonly number[], input: SeasonPoolInput): Promise<void> {
  const threads = Math.min(input.workers, seasons.length);
  if (threads <= 1 || !fs.existsSync(compiledJob)) {
    for (const s of seasons) input.onSeason?.(s, runSeasonJob(input.games, input.lines, s, input.settings, input.out));
    return;
  }
  const queue = [...seasons];
  const workerData = {
    module: compiledJob,
    games: input.games,
    lines: input.lines,
    settings: input.settings,
    out: input.out,
  };
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(SOURCE, { eval: true, workerData });
          const next = (): void => {
            const s = queue.shift();
            if (s === undefined) void w.terminate().then(() => resolve());
            else w.postMessage(s);
          };
          w.on('message', (m: { season: number; cpuMs?: number; error?: string }) => {
            if (m.error !== undefined) {
              queue.length = 0;
              void w.terminate();
              reject(
                new LifecycleError(
                  'OUTLOOK_SEASON_FAILED',
                  `outlook backtest of season ${m.season} failed: ${m.error}`,
                ),
              );
              return;
            }
            input.onSeason?.(m.season, m.cpuMs ?? 0);
            next();
          });
          w.on('error', (err) =>
            reject(
              new LifecycleError('OUTLOOK_SEASON_FAILED', `outlook backtest worker failed: ${err.message}`, {
                cause: err,
              }),
            ),
          );
          next();
        }),
    ),
  );
}
