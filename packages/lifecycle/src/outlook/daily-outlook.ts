import type { DbClient } from '@nba/db';
import { LifecycleError } from '../lifecycle-error';
import { computeOutlook } from './compute-outlook';
import type { MorningOptions } from './morning-outlook';

/** What the daily `outlook` task records (JSON): what was stored, or why nothing was. */
export type OutlookTaskResult =
  | {
      readonly date: string;
      readonly season: number;
      readonly rows: number;
      readonly simulations: number;
      readonly seed: number;
      readonly isDemo: boolean;
    }
  | { readonly date: string; readonly skipped: string };

/**
 * The daily `outlook` task's work: {@link computeOutlook} for the run's date, its result as the run
 * records it. A date whose season has no schedule stored yet (the off-season) stores nothing and
 * says why, rather than failing every summer morning's run; every other error fails the task.
 */
export async function dailyOutlook(
  db: DbClient,
  date: string,
  options: MorningOptions = {},
): Promise<OutlookTaskResult> {
  try {
    const r = await computeOutlook(db, date, options);
    return { date, season: r.season, rows: r.rows, simulations: r.simulations, seed: r.seed, isDemo: r.isDemo };
  } catch (error) {
    if (error instanceof LifecycleError && error.code === 'NO_SEASON_SCHEDULE') return { date, skipped: error.message };
    throw error;
  }
}
