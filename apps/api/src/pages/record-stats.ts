import { isoDay } from '@nba/config';
import {
  calibration,
  recentScoredVersions,
  runningLogLoss,
  versionScores,
  type DbClient,
  type SeriesKind,
  type VersionScoreRow,
} from '@nba/db';
import type { CalibrationBin } from '@nba/modeling';

/** Log loss, Brier score and accuracy of a set of forecasts. */
export interface Scores {
  logLoss: number;
  brier: number;
  accuracy: number;
}

/** A day of the running record: the mean log loss of every game so far. */
export interface RunningPoint {
  date: string;
  games: number;
  model: number;
  market: number | null;
}

/** One model version's live record, or a model's hindcasts as one record (`kind`, see @nba/db's `SeriesKind`). */
export interface VersionRecord {
  /** The version's id, or (negative) the model's hindcasts. */
  versionId: number;
  name: string;
  /** The version, or `hindcast`. */
  version: string;
  kind: SeriesKind;
  settled: number;
  /** Settled games that had a market probability: the games both are scored on. */
  compared: number;
  /** The version on the compared games (on every settled game when none had a market). */
  model: Scores;
  market: Scores | null;
  /** The running record on at most {@link MAX_RUNNING_POINTS} days, evenly spread, the first and the last included. */
  running: RunningPoint[];
  /** Days with settled games in all (`running` may show fewer). */
  runningDays: number;
  calibration: CalibrationBin[];
  firstDate: string;
  lastDate: string;
  isDemo: boolean;
}

/** Versions of each model the record shows: the most recent with settled forecasts (older ones are in the registry view). */
export const RECORD_VERSIONS_PER_MODEL = 5;

const BINS = 10;

/**
 * Days the running chart and its table show: a season has about 170 game days and a version can
 * cover several, and every point costs the chart's layout and the page's bytes; each shown point
 * is still exact (the mean of every game up to that day), only days between them are left out.
 */
export const MAX_RUNNING_POINTS = 60;

/** At most `max` items of `xs`, evenly spaced by position, the first and the last always kept. */
export function evenlySpaced<T>(xs: readonly T[], max: number): T[] {
  if (xs.length <= max) return [...xs];
  // more items than kept: the step is above 1, so the rounded positions are distinct
  const kept = new Set(Array.from({ length: max }, (_, i) => Math.round((i * (xs.length - 1)) / (max - 1))));
  return xs.filter((_, i) => kept.has(i));
}

/** The market's scores on the compared games; null where none had a market (PostgreSQL averages no rows to null). */
function marketScores({
  marketLogLoss: logLoss,
  marketBrier: brier,
  marketAccuracy: accuracy,
}: VersionScoreRow): Scores | null {
  return logLoss === null || brier === null || accuracy === null ? null : { logLoss, brier, accuracy };
}

/**
 * The records of the most recent versions with settled forecasts (`perName` of each model, or of
 * `name` only), scored in PostgreSQL by @nba/db's one SQL definition of the scores: the page does
 * no per-forecast work, and reads a few rows per version whatever the number of forecasts. The
 * queries run one after another so a request holds one read-pool connection at a time.
 */
export async function loadRecords(
  db: DbClient,
  options: { name?: string; perName?: number } = {},
): Promise<VersionRecord[]> {
  const ids = (
    await recentScoredVersions(db, { perName: options.perName ?? RECORD_VERSIONS_PER_MODEL, name: options.name })
  ).map((v) => v.id);
  if (ids.length === 0) return [];
  const scores = await versionScores(db, ids);
  const running = await runningLogLoss(db, ids);
  const bins = await calibration(db, ids);
  return scores.map((s) => {
    const mine = bins.filter((b) => b.versionId === s.versionId);
    const days = running
      .filter((r) => r.versionId === s.versionId)
      .map((r) => ({
        date: isoDay(r.date),
        games: r.games,
        model: r.logLoss,
        market: s.compared > 0 ? r.marketLogLoss : null,
      }));
    return {
      versionId: s.versionId,
      name: s.name,
      version: s.version,
      kind: s.kind,
      settled: s.settled,
      compared: s.compared,
      model: { logLoss: s.logLoss, brier: s.brier, accuracy: s.accuracy },
      market: marketScores(s),
      running: evenlySpaced(days, MAX_RUNNING_POINTS),
      runningDays: days.length,
      calibration: Array.from({ length: BINS }, (_, b) => {
        const bin = mine.find((m) => m.bin === b);
        return {
          lo: b / BINS,
          hi: (b + 1) / BINS,
          n: bin?.n ?? 0,
          meanForecast: bin?.meanForecast ?? NaN,
          observed: bin?.observed ?? NaN,
        };
      }),
      firstDate: isoDay(s.firstDate),
      lastDate: isoDay(s.lastDate),
      isDemo: s.isDemo,
    };
  });
}
