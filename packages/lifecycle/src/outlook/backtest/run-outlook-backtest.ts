import fs from 'node:fs';
import path from 'node:path';
import type { ClosingLine, GameRecord } from '@nba/games';
import { calibrationSvg } from '@nba/modeling';
import { LifecycleError } from '../../lifecycle-error';
import { backtestSeasons, backtestSettings, type OutlookBacktestSettings } from './backtest-options';
import { OUTLOOK_CSV_COLUMNS } from './outlook-csv';
import { buildOutlookReport, type OutlookBacktestReport } from './outlook-report';
import { outlookReportMarkdown } from './outlook-report-markdown';
import { readSavedParts, savedCsvRows, savedPart } from './season-parts';
import { runSeasonsInPool } from './worker-pool';

/** Options of {@link runOutlookBacktest}: the settings (defaults in {@link backtestSettings}) and how to run. */
export interface OutlookBacktestRun extends Partial<OutlookBacktestSettings> {
  readonly fromSeason: number;
  readonly toSeason: number;
  /** Output folder: `outlook.csv`, `report.md`, `report.json`, `calibration.svg`, and the season parts in `seasons/`. */
  readonly out: string;
  /** Only the season at this 0-based index of the range, saved as its part and not merged (a Kubernetes Job index). */
  readonly seasonIndex?: number;
  /** Worker threads (one season per task). */
  readonly workers?: number;
  /** Called as each season is done (`reused`: its part was already saved with the same settings). */
  readonly onSeason?: (event: { season: number; cpuMs: number; reused: boolean }) => void;
}

/** What a run did: the seasons computed and reused, and the merged report (none for one Job index). */
export interface OutlookBacktestResult {
  readonly computed: readonly number[];
  readonly reused: readonly number[];
  readonly report: OutlookBacktestReport | null;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * The season outlook backtest: every season's mornings, each as made from the games and lines before
 * it only, over worker threads (one season per task), each season saved as it finishes, then merged
 * into `outlook.csv` and the report. Deterministic for the settings; a rerun reuses the seasons
 * already saved with the same settings, so a killed run resumes.
 */
export async function runOutlookBacktest(
  history: { games: readonly GameRecord[]; lines: ReadonlyMap<string, ClosingLine> },
  run: OutlookBacktestRun,
): Promise<OutlookBacktestResult> {
  const settings = backtestSettings(run);
  const all = backtestSeasons(settings);
  let seasons = all;
  if (run.seasonIndex !== undefined) {
    const s = all[run.seasonIndex];
    if (!Number.isInteger(run.seasonIndex) || s === undefined) {
      throw new LifecycleError(
        'BAD_OUTLOOK_OPTIONS',
        `invalid seasonIndex ${run.seasonIndex}: expected 0..${all.length - 1} for seasons ${settings.fromSeason}-${settings.toSeason}`,
      );
    }
    seasons = [s];
  }
  fs.mkdirSync(run.out, { recursive: true });
  const reused = seasons.filter((s) => savedPart(run.out, s, settings) !== null);
  const todo = seasons.filter((s) => !reused.includes(s));
  for (const s of reused) run.onSeason?.({ season: s, cpuMs: 0, reused: true });
  // the history is sorted once here: every season task reads it in date order
  const games = [...history.games].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  await runSeasonsInPool(todo, {
    games,
    lines: history.lines,
    settings,
    out: run.out,
    workers: run.workers ?? 1,
    onSeason: (season, cpuMs) => run.onSeason?.({ season, cpuMs, reused: false }),
  });
  return { computed: todo, reused, report: run.seasonIndex === undefined ? mergeOutlookBacktest(run.out) : null };
}

/**
 * Merges the season parts saved in `out` (by worker threads or by the indices of a Kubernetes Job)
 * into `outlook.csv`, `report.json`, `report.md` and `calibration.svg`. Every season of the parts'
 * range must be there (MISSING_OUTLOOK_PARTS names the others) and made with the same settings.
 */
export function mergeOutlookBacktest(out: string): OutlookBacktestReport {
  const found = readSavedParts(out);
  const settings = (found[0] as (typeof found)[number]).settings;
  const parts = readSavedParts(out, backtestSeasons(settings)).filter(
    (p) => p.season >= settings.fromSeason && p.season <= settings.toSeason,
  );
  const report = buildOutlookReport(parts);
  writeAtomic(
    path.join(out, 'outlook.csv'),
    OUTLOOK_CSV_COLUMNS.join(',') + '\n' + parts.map((p) => savedCsvRows(out, p.season)).join(''),
  );
  writeAtomic(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeAtomic(path.join(out, 'report.md'), outlookReportMarkdown(report));
  writeAtomic(
    path.join(out, 'calibration.svg'),
    calibrationSvg(report.calibration, `make_playoffs calibration ${settings.fromSeason}-${settings.toSeason}`),
  );
  return report;
}
