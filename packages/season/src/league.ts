import { TEAMS } from '@nba/config';
import { SeasonError } from './errors';

/** Conference index: 0 East, 1 West. */
export type Conference = 0 | 1;

/**
 * The league as small integers for the hot loops: team index 0..29 (codes sorted), conference
 * 0 East / 1 West, division 0..5. The 2004 alignment (six divisions of five) held for every
 * season of the data (2007-08 to 2023-24) and today, so one table serves every season.
 */
export interface League {
  readonly codes: readonly string[];
  readonly conference: Uint8Array;
  readonly division: Uint8Array;
  readonly divisionNames: readonly string[];
  /** Team indices of each conference, in index order. */
  readonly conferenceTeams: readonly [readonly number[], readonly number[]];
  /** Team indices of each division. */
  readonly divisionTeams: readonly (readonly number[])[];
  readonly index: ReadonlyMap<string, number>;
}

function buildLeague(): League {
  const sorted = [...TEAMS].sort((a, b) => (a.code < b.code ? -1 : 1));
  const divisionNames = [...new Set(sorted.map((t) => `${t.conference}/${t.division}`))].sort();
  const conference = new Uint8Array(sorted.length);
  const division = new Uint8Array(sorted.length);
  const east: number[] = [];
  const west: number[] = [];
  const divisionTeams: number[][] = divisionNames.map(() => []);
  sorted.forEach((t, i) => {
    conference[i] = t.conference === 'East' ? 0 : 1;
    (t.conference === 'East' ? east : west).push(i);
    const d = divisionNames.indexOf(`${t.conference}/${t.division}`);
    division[i] = d;
    (divisionTeams[d] as number[]).push(i);
  });
  return {
    codes: sorted.map((t) => t.code),
    conference,
    division,
    divisionNames: divisionNames.map((n) => n.split('/')[1] as string),
    conferenceTeams: [east, west],
    divisionTeams,
    index: new Map(sorted.map((t, i) => [t.code, i])),
  };
}

/** The current league (30 teams, two conferences of three divisions). */
export const LEAGUE: League = buildLeague();

/** Number of teams. */
export const TEAM_COUNT = LEAGUE.codes.length;

/** The index of a team code, or a SeasonError naming the field and the value. */
export function teamIndex(code: string, field = 'team'): number {
  const i = LEAGUE.index.get(code);
  if (i === undefined)
    throw new SeasonError('UNKNOWN_TEAM', `unknown ${field} '${code}': expected one of ${LEAGUE.codes.join(' ')}`);
  return i;
}
