import type { ClosingLine, GameRecord } from '@nba/games';
import type { OutlookBacktestSettings } from './backtest-options';
import { writeSeasonPart } from './season-parts';
import { backtestOutlookSeason } from './season-task';

/** One season of a backtest, computed and saved as its part in `out`: what a worker thread or a Job index runs. */
export function runSeasonJob(
  games: readonly GameRecord[],
  lines: ReadonlyMap<string, ClosingLine>,
  season: number,
  settings: OutlookBacktestSettings,
  out: string,
): number {
  const part = backtestOutlookSeason(games, lines, season, settings);
  writeSeasonPart(out, part);
  return part.cpuMs;
}
