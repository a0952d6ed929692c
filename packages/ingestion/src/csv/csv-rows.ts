import { csvRows as gamesCsvRows, GamesError, type CsvRow } from '@nba/games';
import { IngestionError } from '../ingestion-error';

/**
 * The records of a CSV text, read by the one CSV reader (@nba/games). Text that is not CSV, or a
 * header that lacks any of `required`, is a permanent INVALID_RECORD error.
 */
export function csvRows(text: string, required: readonly string[] = []): CsvRow[] {
  try {
    return gamesCsvRows(text, required);
  } catch (e) {
    throw e instanceof GamesError ? new IngestionError('INVALID_RECORD', e.message, { cause: e }) : e;
  }
}
