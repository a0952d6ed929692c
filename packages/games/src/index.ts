/**
 * @nba/games: the game domain that ingestion, features and modeling share without any of them
 * owning it: the game and closing-line types, team names to codes, the game key, the one CSV reader
 * (csv-parse) and the one games.csv/odds.csv mapping with its validation.
 */
export { isFinished, type ClosingLine, type FinishedGame, type GameRecord, type Matchup } from './game';
export { GamesError, type GamesErrorCode } from './games-error';
export { normaliseTeamName, teamCodeOfName } from './team-names';
export { compactDate, gameKeyOf, normaliseGameId } from './game-key';
export { parseCsv, type CsvRow, type CsvTable } from './csv-reader';
export {
  closingLineOfCsvRow,
  csvRows,
  gameOfCsvRow,
  GAMES_CSV_COLUMNS,
  mapCsvRows,
  ODDS_CSV_COLUMNS,
  parseGamesCsv,
  parseOddsCsv,
  type CsvClosingLine,
  type RowRejection,
} from './games-csv';
