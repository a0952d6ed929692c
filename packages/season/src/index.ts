export { SeasonError, type SeasonErrorCode } from './errors';
export { LEAGUE, TEAM_COUNT, teamIndex, type League, type Conference } from './league';
export { seasonRules, type SeasonRules, type Criterion, type PlayInFormat } from './rules';
export { emptyRecord, copyRecord, addGame, winPct, pctAgainst, type StandingsRecord } from './record';
export { breakTie, rankByRecord, type TiebreakContext } from './tiebreak';
export { leagueStandings, type ConferenceStandings, type StandingsOptions } from './seeding';
export { resolvePlayIn, hasHomeCourt, gamesBehind, BRACKET, type PlayGame, type PlayoffField } from './postseason';
export { seasonOutcome, playedSeries, type SeasonGame, type PlayedSeries, type TeamOutcome, type SeasonOutcome } from './outcomes';
