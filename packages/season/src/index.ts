export { SeasonError, type SeasonErrorCode } from './errors';
export { LEAGUE, TEAM_COUNT, teamIndex, type League, type Conference } from './league';
export { seasonRules, type SeasonRules, type Criterion, type PlayInFormat } from './rules';
export { emptyRecord, copyRecord, addGame, winPct, pctAgainst, type StandingsRecord } from './record';
export { breakTie, rankByRecord, type TiebreakContext } from './tiebreak';
export { leagueStandings, type ConferenceStandings, type StandingsOptions } from './seeding';
export { resolvePlayIn, hasHomeCourt, gamesBehind, BRACKET, type PlayGame, type PlayoffField } from './postseason';
export {
  seasonOutcome,
  playedSeries,
  type SeasonGame,
  type PlayedSeries,
  type TeamOutcome,
  type SeasonOutcome,
} from './outcomes';
export { Rng } from './rng';
export { normalQuantile } from './normal';
export {
  compileState,
  type SeasonState,
  type PlayedGame,
  type PostseasonGame,
  type FutureGame,
  type CompiledState,
} from './simulation-input';
export {
  emptyCounts,
  mergeCounts,
  summarize,
  STAGES,
  type Stage,
  type SimulationCounts,
  type TeamOutlook,
} from './counts';
export { simulateCounts, simulateSeason, type SimulationOptions, type SeasonOutlook } from './simulate';
export {
  fitRatings,
  backToBacks,
  DEFAULT_RATING_PARAMS,
  DEFAULT_OUTLOOK_TEAM_SD_PTS,
  type RatingParams,
  type RatingFit,
  type LinedGame,
} from './rating-model';
export { outlookState } from './outlook-state';
export { backtestSeasonOutlook, type OutlookBacktestOptions, type DatedOutlook } from './outlook-backtest';
