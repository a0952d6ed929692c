import { addDays, parseIsoDate, seasonOfDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import { LifecycleError } from '../lifecycle-error';
import { loadOutlookInputs, storeMorningOutlook } from './compute-outlook';
import type { MorningOptions } from './morning-outlook';

/**
 * Simulations of each morning when a season's past is filled in at once (the demo's first start):
 * the rating fit, not the simulations, is most of a morning's cost up to about this many, and
 * 1,000 seasons put a team's P(playoffs) within about ±1.6 points (95%), plenty for a chart of
 * the season; today's outlook keeps the daily task's full count.
 */
export const HISTORY_OUTLOOK_SIMULATIONS = 1_000;

/** What {@link fillOutlooks} did. */
export interface FilledOutlooks {
  /** Dates whose outlook was computed and stored now. */
  readonly stored: readonly string[];
  /** Dates in the range already stored (left as they were). */
  readonly skipped: number;
}

/**
 * Stores the outlook of every morning from `from` to `to` (inclusive, one season's dates) that has
 * none stored yet, each from the data as it was that morning ({@link computeOutlook} reads only
 * scores and lines of earlier games): the history of a season filled in at once, e.g. the demo's
 * first start. Idempotent and resumable: a stored date is skipped, so a rerun after a kill
 * continues where it stopped. Mornings before the season's first regular-season game are not
 * outlooks anyone looks for; callers pass the range they want.
 */
export async function fillOutlooks(
  db: DbClient,
  from: string,
  to: string,
  options: MorningOptions = {},
): Promise<FilledOutlooks> {
  parseIsoDate(from);
  parseIsoDate(to);
  if (from > to)
    throw new LifecycleError('BAD_OUTLOOK_OPTIONS', `invalid outlook range ${from}..${to}: from is after to`);
  if (seasonOfDate(from) !== seasonOfDate(to))
    throw new LifecycleError('BAD_OUTLOOK_OPTIONS', `invalid outlook range ${from}..${to}: spans two seasons`);
  const done = await db.seasonOutlook.findMany({
    where: { date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    distinct: ['date'],
    select: { date: true },
  });
  const have = new Set(done.map((d) => d.date.toISOString().slice(0, 10)));
  const stored: string[] = [];
  // read once: each morning takes from them only what it could know (scores and lines before it)
  let inputs: Awaited<ReturnType<typeof loadOutlookInputs>> | undefined;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (have.has(date)) continue;
    inputs ??= await loadOutlookInputs(db, seasonOfDate(from));
    await storeMorningOutlook(db, date, inputs, options);
    stored.push(date);
  }
  return { stored, skipped: have.size };
}
