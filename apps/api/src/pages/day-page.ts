import type { DbClient } from '@nba/db';
import type { WithheldForecasts } from '../withheld-forecasts';
import { loadDay } from './day-data';
import { dayView } from './day-view';
import { isDemoDatabase } from './demo-database';

/** The day view of `date` (a valid date) as HTML, as of `today`; the caller caches it per data version. */
export async function renderDayPage(
  deps: { db: DbClient; defaultModel: string; withheld?: WithheldForecasts },
  date: string,
  today: string,
): Promise<{ status: number; html: string }> {
  const data = await loadDay(
    deps.db,
    date,
    deps.withheld &&
      ((key, p, check) => deps.withheld?.record(key, check, { endpoint: 'page', game: p.gameKey, model: p.model })),
  );
  // a day without games has no rows to carry the demo mark: ask the database
  const demo = data.games.length === 0 ? await isDemoDatabase(deps.db) : undefined;
  return { status: 200, html: dayView(data, { today, defaultModel: deps.defaultModel, demo }) };
}
