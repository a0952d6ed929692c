export { IngestionError, isIngestionError } from './ingestion-error';
export type { IngestionErrorCode, IngestionErrorDetails } from './ingestion-error';
export type { Rejection, Validated } from './rejection';
export { teamCodeOfApiBasketball, teamName, isTeamCode } from './teams';
export { statusOfApiBasketball, statusOfOddsApiScore } from './status';
export type { UpstreamClientOptions } from './http/http-options';
export { parseRetryAfter } from './http/retry-after';
export { ApiBasketballClient, NBA_LEAGUE_ID } from './api-basketball/api-basketball-client';
export type { ApiBasketballQuota } from './api-basketball/quota';
export type { ApiBasketballGame } from './api-basketball/schemas';
export { normaliseApiBasketballGames } from './api-basketball/normalise-games';
export { OddsApiClient, NBA_SPORT_KEY, ODDS_MARKETS } from './odds-api/odds-api-client';
export type { OddsQuery, HistoricalOdds } from './odds-api/odds-api-client';
export type { OddsApiQuota } from './odds-api/quota';
export type { OddsApiEvent, OddsApiScore } from './odds-api/schemas';
export { normaliseOddsEvents, normaliseOddsScores } from './odds-api/normalise-odds';
export type { NormalisedOdds } from './odds-api/normalise-odds';
export { gameRecordSchema, snapshotRecordSchema } from './store/records';
export type { GameRecord, SnapshotRecord } from './store/records';
export { upsertGames } from './store/upsert-games';
export type { UpsertOptions, UpsertSummary } from './store/upsert-games';
export { upsertOddsSnapshots } from './store/upsert-odds';
export { closingLines } from './store/closing-lines';
export type { ClosingLine, GameClosingLines } from './store/closing-lines';
export { loadFeatureInputs, finalGamesFingerprint } from './store/feature-inputs';
export type { FeatureInputs, FeatureInputQuery } from './store/feature-inputs';
export { importCsv, formatImportSummary } from './csv/import-csv';
export type { ImportCsvOptions, ImportCsvSummary } from './csv/import-csv';
export { CSV_BOOKMAKER, CSV_SOURCE, CSV_CAPTURE_UTC } from './csv/csv-records';
export {
  ingestGamesForDate,
  ingestSeason,
  backfillSeasonByDate,
  ingestOdds,
  ingestHistoricalOdds,
  ingestScores,
  addGamesIngestCounts,
} from './ingest';
export type {
  IngestOptions,
  GamesIngestSummary,
  GamesIngestCounts,
  OddsIngestSummary,
  BackfillSummary,
} from './ingest';
export { BOUNDS } from './plausibility/bounds';
export { QUARANTINE_REASONS, CONFLICT_KINDS } from './plausibility/findings';
export type { QuarantineReason, ConflictKind, Finding, QuarantineItem, ConflictItem } from './plausibility/findings';
export { checkGameValues, checkSnapshotValues } from './plausibility/value-checks';
export { checkMoneylineAgainstSpread, checkMove } from './plausibility/line-checks';
export type { LineValues } from './plausibility/line-checks';
export { dataQualityReport } from './plausibility/data-quality-report';
export type {
  DataQualityReport,
  QuarantineCount,
  ConflictCount,
  QuarantinedEntry,
  ConflictEntry,
} from './plausibility/data-quality-report';
