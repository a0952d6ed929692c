import fs from 'node:fs';
import path from 'node:path';
import { LifecycleError } from '../../lifecycle-error';
import type { OutlookBacktestSettings } from './backtest-options';
import type { SeasonPart } from './season-task';

/** Where a backtest keeps each season's share (`DIR/seasons/`), so a Job index or a worker writes its own and a merge reads them all. */
export function partsDir(out: string): string {
  return path.join(out, 'seasons');
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * Saves a season's share: its CSV rows (`<season>.csv`), then its scores (`<season>.json`), each
 * written whole and renamed into place, so a hard kill leaves either a complete part or none
 * (the JSON, written last, marks it complete).
 */
export function writeSeasonPart(out: string, part: SeasonPart): void {
  const dir = partsDir(out);
  fs.mkdirSync(dir, { recursive: true });
  writeAtomic(path.join(dir, `${part.season}.csv`), part.csvRows.join('\n') + (part.csvRows.length ? '\n' : ''));
  const { csvRows: _rows, ...rest } = part;
  void _rows;
  writeAtomic(path.join(dir, `${part.season}.json`), JSON.stringify(rest) + '\n');
}

/** A saved season part without its CSV rows (they stay in their file). */
export type SavedPart = Omit<SeasonPart, 'csvRows'>;

/** The complete part of `season` saved with exactly these settings, or null (none, or other settings: to be recomputed). */
export function savedPart(out: string, season: number, settings: OutlookBacktestSettings): SavedPart | null {
  const file = path.join(partsDir(out), `${season}.json`);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(partsDir(out), `${season}.csv`))) return null;
  const part = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedPart;
  const same = (Object.keys(settings) as (keyof OutlookBacktestSettings)[]).every(
    (k) => part.settings?.[k] === settings[k],
  );
  return same ? part : null;
}

/** Every saved part in `out`, by season; a MISSING_OUTLOOK_PARTS error names the seasons expected and not found. */
export function readSavedParts(out: string, seasons?: readonly number[]): SavedPart[] {
  const dir = partsDir(out);
  const found = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^\d{4}\.json$/.test(f))
        .map((f) => Number(f.slice(0, 4)))
        .sort()
    : [];
  const missing = (seasons ?? []).filter((s) => !found.includes(s) || !fs.existsSync(path.join(dir, `${s}.csv`)));
  if (found.length === 0 || missing.length > 0) {
    throw new LifecycleError(
      'MISSING_OUTLOOK_PARTS',
      `no complete season parts in ${dir} for ${missing.length ? missing.join(', ') : 'any season'}`,
    );
  }
  return found.map((s) => JSON.parse(fs.readFileSync(path.join(dir, `${s}.json`), 'utf8')) as SavedPart);
}

/** The CSV rows saved for a season. */
export function savedCsvRows(out: string, season: number): string {
  return fs.readFileSync(path.join(partsDir(out), `${season}.csv`), 'utf8');
}
