import { FeaturesError, parseCsv, type CsvRow } from '@nba/features';
import { IngestionError } from '../ingestion-error';

/**
 * The records of a CSV text, read by the one CSV reader (`parseCsv` of @nba/features). Text that is
 * not CSV, or a header that lacks any of `required`, is a permanent INVALID_RECORD error.
 */
export function csvRows(text: string, required: readonly string[] = []): CsvRow[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    throw e instanceof FeaturesError ? new IngestionError('INVALID_RECORD', e.message, { cause: e }) : e;
  }
  if (table.columns.length === 0) return [];
  const missing = required.filter((r) => !table.columns.includes(r));
  if (missing.length) throw new IngestionError('INVALID_RECORD', `CSV header lacks column(s) ${missing.join(', ')} (has ${table.columns.join(', ')})`);
  return table.rows;
}
