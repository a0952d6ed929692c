import { parseIsoDate, TEAM_CODES } from '@nba/config';
import type { DbClient, SeasonOutlook } from '@nba/db';
import { LifecycleError } from '../lifecycle-error';

/** One team's stored outlook on one morning. */
export interface TeamOutlookRow {
  readonly date: string;
  readonly team: string;
  readonly conference: 'East' | 'West';
  readonly wins: number;
  readonly losses: number;
  readonly rating: number;
  readonly winsMean: number;
  readonly winsP10: number;
  readonly winsP90: number;
  /** P(regular-season position k+1 in the conference), k = 0..14. */
  readonly seedProbs: readonly number[];
  readonly topSeed: number;
  readonly makePlayin: number;
  readonly makePlayoffs: number;
  readonly makeConfSemis: number;
  readonly makeConfFinals: number;
  readonly makeFinals: number;
  readonly winFinals: number;
}

/** A stored outlook of a date: every team, and how it was made. */
export interface StoredOutlook {
  readonly date: string;
  readonly season: number;
  readonly simulations: number;
  readonly seed: number;
  readonly ratingModel: string;
  readonly ratingVersion: string;
  readonly isDemo: boolean;
  readonly computedAt: Date;
  /** By conference (East first), then by P(playoffs), highest first. */
  readonly teams: readonly TeamOutlookRow[];
}

/** A stored row as the reads return it. */
export function rowOf(r: SeasonOutlook): TeamOutlookRow {
  return {
    date: r.date.toISOString().slice(0, 10),
    team: r.teamCode,
    conference: r.conference === 'West' ? 'West' : 'East',
    wins: r.wins,
    losses: r.losses,
    rating: r.rating,
    winsMean: r.winsMean,
    winsP10: r.winsP10,
    winsP90: r.winsP90,
    seedProbs: r.seedProbs,
    topSeed: r.topSeed,
    makePlayin: r.makePlayin,
    makePlayoffs: r.makePlayoffs,
    makeConfSemis: r.makeConfSemis,
    makeConfFinals: r.makeConfFinals,
    makeFinals: r.makeFinals,
    winFinals: r.winFinals,
  };
}

/** The outlook stored for `date`, or null when none is. */
export async function outlookOfDate(db: DbClient, date: string): Promise<StoredOutlook | null> {
  parseIsoDate(date);
  const rows = await db.seasonOutlook.findMany({
    where: { date: new Date(`${date}T00:00:00Z`) },
    orderBy: [{ conference: 'asc' }, { makePlayoffs: 'desc' }, { winsMean: 'desc' }, { teamCode: 'asc' }],
  });
  const first = rows[0];
  if (!first) return null;
  return {
    date,
    season: first.season,
    simulations: first.simulations,
    seed: first.simulationSeed,
    ratingModel: first.ratingModel,
    ratingVersion: first.ratingVersion,
    isDemo: rows.some((r) => r.isDemo),
    computedAt: first.computedAt,
    teams: rows.map(rowOf),
  };
}

/** The latest stored outlook (by date), or null when none is stored. */
export async function latestOutlook(db: DbClient): Promise<StoredOutlook | null> {
  const last = await db.seasonOutlook.findFirst({ orderBy: { date: 'desc' }, select: { date: true } });
  return last ? outlookOfDate(db, last.date.toISOString().slice(0, 10)) : null;
}

/** A team's stored outlook on every date of a season, oldest first (empty when none is stored). */
export async function teamOutlookHistory(db: DbClient, team: string, season: number): Promise<TeamOutlookRow[]> {
  if (!TEAM_CODES.includes(team))
    throw new LifecycleError('UNKNOWN_TEAM', `unknown team '${team}': expected one of ${TEAM_CODES.join(', ')}`);
  if (!Number.isInteger(season))
    throw new LifecycleError('BAD_OUTLOOK_OPTIONS', `invalid season ${season}: expected the year a season ends`);
  const rows = await db.seasonOutlook.findMany({ where: { teamCode: team, season }, orderBy: { date: 'asc' } });
  return rows.map(rowOf);
}

/**
 * A fingerprint of the stored outlooks (of one team, or all), which the page data version of
 * @nba/db does not follow: a cached outlook or team view is current while both are unchanged.
 */
export async function storedOutlooksVersion(db: DbClient, team?: string): Promise<string> {
  const outlooks = await db.seasonOutlook.aggregate({
    where: team === undefined ? {} : { teamCode: team },
    _count: { _all: true },
    _max: { computedAt: true },
  });
  return `${outlooks._count._all}|${outlooks._max.computedAt?.toISOString() ?? ''}`;
}
