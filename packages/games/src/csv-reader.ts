import { parse } from 'csv-parse/sync';
import { GamesError } from './games-error';

/** One CSV record by column name, with the 1-based line of the file it starts on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** A parsed CSV text: the header's column names (trimmed) and the records under it. */
export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

/**
 * The one CSV reader of the system (csv-parse): RFC 4180 text with a header line, quoted fields
 * (commas, doubled quotes and line breaks inside), CRLF, LF or CR line ends, an optional BOM. Blank
 * lines are skipped; a record shorter than the header gets '' for the missing fields, extra fields
 * are ignored. Text that is not CSV (a quote never closed) is an INVALID_CSV error.
 */
export function parseCsv(text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (e) {
    throw new GamesError('INVALID_CSV', `not valid CSV: ${(e as Error).message}`, { cause: e });
  }
  const header = records[0] ?? [];
  const columns = header.map((c) => c.trim());
  const rows: CsvRow[] = [];
  // Blank lines are kept by the parser (as one empty field) only so that line numbers can be counted.
  let line = 1 + lineBreaks(header);
  for (let r = 1; r < records.length; r++) {
    const fields = records[r] as string[];
    line++;
    if (fields.length === 1 && fields[0] === '') continue;
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i] as string] = fields[i] ?? '';
    rows.push({ line, values });
    line += lineBreaks(fields);
  }
  return { columns, rows };
}

/** Line breaks inside quoted fields: the next record starts that many lines further down. */
function lineBreaks(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) if (f.includes('\n')) n += f.split('\n').length - 1;
  return n;
}
