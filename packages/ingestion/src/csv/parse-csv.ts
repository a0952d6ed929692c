import { IngestionError } from '../ingestion-error';

/** A parsed CSV row by header name, with its 1-based line number in the file. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses RFC 4180 CSV text with a header line (quoted fields, doubled quotes, CRLF or LF).
 * Throws a permanent INVALID_RECORD error when the header lacks any of `required`.
 */
export function parseCsv(text: string, required: readonly string[] = []): CsvRow[] {
  const records = splitRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return [];
  const names = header.fields.map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length) throw new IngestionError('INVALID_RECORD', `CSV header lacks column(s) ${missing.join(', ')} (has ${names.join(', ')})`);
  return records
    .filter((r) => r.fields.length > 1 || (r.fields[0] ?? '') !== '')
    .map((r) => {
      const values: Record<string, string> = {};
      names.forEach((n, i) => (values[n] = r.fields[i] ?? ''));
      return { line: r.line, values };
    });
}

function splitRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) fields.push(field), out.push({ line: start, fields });
  return out;
}
