export { Rng } from './rng';
export { easternToUtc } from './eastern-clock';
export { seasonPairings, scheduleSeason } from './schedule';
export type { ScheduledGame } from './schedule';
export { closingLine, americanOdds, withVig, MARGIN_SD } from './market';
export { generateLeague, leagueAsOf, oddsIdOf } from './generate-league';
export type { League, LeagueOptions } from './generate-league';
export type { LeagueGame, LeagueLine } from './league-game';
export { gameRecordOf, closingLineOf } from './league-records';
