import type { DbClient } from '@nba/db';
import { teamSeason } from '@nba/lifecycle';
import { chartSvg } from './chart-svg';
import { isDemoDatabase } from './demo-database';
import { orderModelNames } from './model-order';
import { ratingSpec } from './team-charts';
import { teamView } from './team-view';

/**
 * The team view of `team` (a known code) for `season` (undefined: the season so far as of `today`)
 * as HTML: the data read through @nba/lifecycle's `teamSeason`, the rating chart drawn in the chart
 * worker; the caller caches it per data version and rating history.
 */
export async function renderTeamPage(
  deps: { db: DbClient; defaultModel: string },
  team: string,
  season: number | undefined,
  today: string,
): Promise<{ status: number; html: string }> {
  const data = await teamSeason(deps.db, team, { asOf: today, season });
  const modelNames = orderModelNames(
    data.games.flatMap((g) => g.forecasts.map((f) => f.model)),
    deps.defaultModel,
  );
  const ratingSvg = data.ratings.length ? await chartSvg(ratingSpec(data)) : null;
  // a season without games has no rows to carry the demo mark: ask the database
  const demo = data.isDemo || (data.games.length === 0 && (await isDemoDatabase(deps.db)));
  return { status: 200, html: teamView({ season: { ...data, isDemo: demo }, modelNames, ratingSvg }) };
}
