import { addDays } from '@nba/config';
import type { DbClient } from '@nba/db';
import { latestOutlook, outlookOfDate, seasonOutlookHistory } from '@nba/lifecycle';
import { chartSvg } from './chart-svg';
import { isDemoDatabase } from './demo-database';
import { oddsOverSeasonSpec } from './outlook-charts';
import { noOutlookView, outlookView } from './outlook-view';

/** How far back the tables' change in playoff odds looks. */
const CHANGE_DAYS = 7;

/**
 * The outlook view of `date` (the latest stored when undefined) as HTML with its status: 404 when
 * no outlook is stored (for the date). Reads through @nba/lifecycle; the two charts are drawn in
 * the chart worker at the same time.
 */
export async function renderOutlookPage(
  db: DbClient,
  date: string | undefined,
): Promise<{ status: number; html: string }> {
  const outlook = date === undefined ? await latestOutlook(db) : await outlookOfDate(db, date);
  if (!outlook) return { status: 404, html: noOutlookView(await isDemoDatabase(db), date) };
  const history = (await seasonOutlookHistory(db, outlook.season)).filter((r) => r.date <= outlook.date);
  const cutoff = addDays(outlook.date, -CHANGE_DAYS);
  const weekAgo = [...new Set(history.map((r) => r.date))].filter((d) => d <= cutoff).at(-1);
  const [makePlayoffs, winFinals] = await Promise.all([
    chartSvg(oddsOverSeasonSpec(history, 'makePlayoffs', outlook.season)),
    chartSvg(oddsOverSeasonSpec(history, 'winFinals', outlook.season)),
  ]);
  return { status: 200, html: outlookView({ outlook, history, weekAgo, svgs: { makePlayoffs, winFinals } }) };
}
