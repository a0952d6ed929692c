export { createDbClient, disconnect, DEFAULT_DB_TIMEOUTS } from './client';
export type { DbClient, DbClientOptions, DbTimeouts } from './client';
export { DbError } from './db-error';
export type { DbErrorCode } from './db-error';
export { databaseProblemOf, isTransientDatabaseError } from './database-problem';
export { pingDatabase } from './ping';
export type { DatabaseProblem, DatabaseProblemKind } from './database-problem';
export { assertMigrated } from './migration-status';
export { migrate, readMigrations, MIGRATIONS_DIR } from './migrate';
export type { Migration, MigrateResult } from './migrate';
export { openDatabase } from './open-database';
export type { Database, EmbeddedServer, OpenDatabaseOptions, StartEmbedded } from './open-database';
export { seedTeams } from './seed';
/** Re-exported from `@nba/config`, where the team table lives. */
export { TEAMS, TEAM_CODES } from '@nba/config';
export type { TeamInfo } from '@nba/config';
export { Prisma, PrismaClient } from './generated/prisma/client';
export type {
  Team,
  Game,
  OddsSnapshot,
  ModelVersion,
  ModelArtifact,
  ModelMetric,
  ModelEvent,
  Prediction,
  PipelineRun,
  TaskRun,
  SeasonOutlook,
} from './generated/prisma/client';
export {
  GameType,
  GameStatus,
  OddsMarket,
  ModelStatus,
  ModelEventAction,
  RunStatus,
  TaskStatus,
} from './generated/prisma/enums';
export {
  brierSql,
  calibration,
  calibrationBinSql,
  hitSql,
  logLossSql,
  recentScoredVersions,
  runningLogLoss,
  versionScores,
} from './forecast-scores';
export type { CalibrationBinRow, RunningDayRow, SeriesKind, VersionScoreRow } from './forecast-scores';
export { pageDataVersion } from './page-data-version';
export { liveScores, rollingRecords } from './live-scores';
export type { LiveScoreRow, RollingRecordRow } from './live-scores';
export { gamesOnDate, nearestGameDates } from './stored-games';
export type { StoredGame } from './stored-games';
export { storedForecastsOnDate } from './stored-forecasts';
export type { StoredForecastRow } from './stored-forecasts';
