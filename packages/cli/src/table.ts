/** A table cell: `null` and `undefined` show as `-`. */
export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** Print the header line (default true); without it the header only names the columns. */
  showHeader?: boolean;
  /** Put before every line, e.g. to indent a table under a heading. */
  indent?: string;
  /** Indexes of the columns aligned right (numbers). */
  alignRight?: readonly number[];
}

/** Renders rows as aligned columns under a header (plain text, two spaces between columns). */
export function table(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  const body = rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))));
  const cells = [header, ...body];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const right = new Set(options.alignRight ?? []);
  const pad = (c: string, i: number, last: boolean) =>
    right.has(i) ? c.padStart(widths[i] ?? 0) : last ? c : c.padEnd(widths[i] ?? 0);
  return (options.showHeader === false ? body : cells)
    .map((r) => `${options.indent ?? ''}${r.map((c, i) => pad(c, i, i === r.length - 1)).join('  ')}`.trimEnd())
    .join('\n');
}
