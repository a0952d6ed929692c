import { SeasonError } from './errors';

/** One tiebreak criterion of the NBA's playoff tie-break procedures. */
export type Criterion =
  | 'headToHead' // winning percentage in games among the tied teams
  | 'divisionWinner' // a division winner wins the tie from a team not leading a division
  | 'divisionRecord' // winning percentage within the division (only if all tied teams share one)
  | 'conferenceRecord'
  | 'playoffEligibleOwn' // winning percentage against playoff-eligible teams of the own conference
  | 'playoffEligibleOther' // ... of the other conference
  | 'pointDifferential';

/** How the postseason starts: no play-in, the 2020 restart's 8-v-9 play-in, or the play-in tournament. */
export type PlayInFormat = 'none' | 'restart' | 'tournament';

/** The rules a season was (or will be) played under. */
export interface SeasonRules {
  readonly season: number;
  /** Regular-season games per team; null where teams played different numbers (2020). */
  readonly gamesPerTeam: number | null;
  /** Through 2014-15 the three division winners were guaranteed a top-4 seed (seeded among the four by record). */
  readonly divisionWinnerTopFour: boolean;
  readonly playIn: PlayInFormat;
  /** 2020 restart: the 8-v-9 play-in happened only when the 9th finished within this many games of the 8th. */
  readonly playInMaxGamesBehind: number;
  /** Teams per conference counted as playoff-eligible for the tiebreak criteria (8; 10 with the play-in tournament). */
  readonly playoffEligible: number;
  readonly twoTeamCriteria: readonly Criterion[];
  readonly multiTeamCriteria: readonly Criterion[];
  /** Games of a series and which of them the team with home court hosts (2-2-1-1-1). */
  readonly seriesGames: number;
  readonly seriesHomePattern: readonly boolean[];
  /** The postseason was played without home crowds (2020: the Orlando bubble); home court is only nominal. */
  readonly neutralPostseason: boolean;
  readonly note?: string;
}

// The NBA's procedures: two teams tied (head-to-head, division winner, division record if same
// division, conference record, playoff-eligible own/other conference, point differential) and more
// than two tied (division winner, head-to-head among the tied, division record if all in one
// division, conference record, playoff-eligible own conference, point differential); a drawing last.
// Since 2015-16 the division-winner criterion only breaks ties; before, it also guaranteed a top-4 seed.
const TWO_TEAM: readonly Criterion[] = [
  'headToHead',
  'divisionWinner',
  'divisionRecord',
  'conferenceRecord',
  'playoffEligibleOwn',
  'playoffEligibleOther',
  'pointDifferential',
];
const MULTI_TEAM: readonly Criterion[] = [
  'divisionWinner',
  'headToHead',
  'divisionRecord',
  'conferenceRecord',
  'playoffEligibleOwn',
  'pointDifferential',
];

const GAMES: Readonly<Record<number, number | null>> = { 2012: 66, 2020: null, 2021: 72 };
const NOTES: Readonly<Record<number, string>> = {
  2012: 'lockout: 66 games from Christmas Day',
  2013: 'BOS-IND of April 16 cancelled (Boston Marathon bombing): both played 81',
  2020: 'suspended in March; 22 teams restarted in the Orlando bubble with 8 seeding games (63-75 games); standings by winning percentage',
  2021: '72 games; first play-in tournament',
};

/** The rules of a season (the year it ends: 2024 is 2023-24), from 2007-08 on; later seasons get today's rules. */
export function seasonRules(season: number): SeasonRules {
  if (!Number.isInteger(season) || season < 2008 || season > 2100) {
    throw new SeasonError(
      'INVALID_SEASON',
      `invalid season ${season}: expected the year the season ends, 2008 or later`,
    );
  }
  const playIn: PlayInFormat = season >= 2021 ? 'tournament' : season === 2020 ? 'restart' : 'none';
  const note = NOTES[season];
  return {
    season,
    gamesPerTeam: season in GAMES ? (GAMES[season] as number | null) : 82,
    divisionWinnerTopFour: season <= 2015,
    playIn,
    playInMaxGamesBehind: 4,
    playoffEligible: playIn === 'tournament' ? 10 : 8,
    twoTeamCriteria: TWO_TEAM,
    multiTeamCriteria: MULTI_TEAM,
    seriesGames: 7,
    seriesHomePattern: [true, true, false, false, true, false, true],
    neutralPostseason: season === 2020,
    ...(note ? { note } : {}),
  };
}
