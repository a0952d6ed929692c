export { ConfigError } from './config-error';
export type { ConfigErrorCode } from './config-error';
export { parseEnv, loggingEnv, databaseEnv, upstreamEnv, httpEnv, SECRET_ENV_VARS, PAIRED_ENV_VARS } from './env';
export { readEnv, inheritedEnv, localDataEnv } from './process-env';
export { envFlag, envText, envNumber, envNumberList } from './env-knobs';
export {
  SEASON_CALENDAR,
  seasonOfDate,
  seasonDates,
  seasonLabel,
  apiBasketballSeason,
  seasonFromApiBasketball,
  parseIsoDate,
  SUPPORTED_DATES,
} from './season';
export type { SeasonDates } from './season';
export { TEAMS, TEAM_CODES, teamByCode } from './teams';
export type { TeamInfo } from './teams';
export { addDays, datesBetween, daysBetween, easternDate, easternDateClock, isoDay } from './calendar';
export { GAME_TYPES, isGameType, type GameType } from './game-types';
