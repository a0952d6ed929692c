import type { DbClient } from '@nba/db';
import { LifecycleError } from '../lifecycle-error';
import { rowOf, type TeamOutlookRow } from './outlook-reads';

/**
 * Every team's stored outlook on every date of `season` (the year it ends), by date then team:
 * the history the outlook page charts and takes the week's change from (empty when none is stored).
 */
export async function seasonOutlookHistory(db: DbClient, season: number): Promise<TeamOutlookRow[]> {
  if (!Number.isInteger(season))
    throw new LifecycleError('BAD_OUTLOOK_OPTIONS', `invalid season ${season}: expected the year a season ends`);
  const rows = await db.seasonOutlook.findMany({ where: { season }, orderBy: [{ date: 'asc' }, { teamCode: 'asc' }] });
  return rows.map(rowOf);
}
