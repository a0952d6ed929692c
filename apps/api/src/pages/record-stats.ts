import { isoDay } from '@nba/config';
import { calibration, recentScoredVersions, runningLogLoss, versionScores, type DbClient } from '@nba/db';
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

/** One model version's live record. */
export interface VersionRecord {
  versionId: number;
  name: string;
  version: string;
  settled: number;
  /** Settled games that had a market probability: the games both are scored on. */
  compared: number;
  /** The version on the compared games (on every settled game when none had a market). */
  model: Scores;
  market: Scores | null;
  running: RunningPoint[];
  calibration: CalibrationBin[];
  firstDate: string;
  lastDate: string;
  isDemo: boolean;
}

/** Versions of each model the record shows: the most recent with settled forecasts (older ones are in the registry view). */
export const RECORD_VERSIONS_PER_MODEL = 5;

const BINS = 10;

/**
 * The records of the most recent versions with settled forecasts (`perName` of each model, or of
 * `name` only), scored in PostgreSQL by @nba/db's one SQL definition of the scores: the page does
 * no per-forecast work, and reads a few rows per version whatever the number of forecasts. The
 * queries run one after another so a request holds one read-pool connection at a time.
 */
export async function loadRecords(db: DbClient, options: { name?: string; perName?: number } = {}): Promise<VersionRecord[]> {
  const ids = (await recentScoredVersions(db, { perName: options.perName ?? RECORD_VERSIONS_PER_MODEL, name: options.name })).map((v) => v.id);
  if (ids.length === 0) return [];
  const scores = await versionScores(db, ids);
  const running = await runningLogLoss(db, ids);
  const bins = await calibration(db, ids);
  return scores.map((s) => {
    const mine = bins.filter((b) => b.versionId === s.versionId);
    return {
      versionId: s.versionId,
      name: s.name,
      version: s.version,
      settled: s.settled,
      compared: s.compared,
      model: { logLoss: s.logLoss, brier: s.brier, accuracy: s.accuracy },
      market: s.compared > 0 ? { logLoss: s.marketLogLoss!, brier: s.marketBrier!, accuracy: s.marketAccuracy! } : null,
      running: running
        .filter((r) => r.versionId === s.versionId)
        .map((r) => ({ date: isoDay(r.date), games: r.games, model: r.logLoss, market: s.compared > 0 ? r.marketLogLoss : null })),
      calibration: Array.from({ length: BINS }, (_, b) => {
        const bin = mine.find((m) => m.bin === b);
        return { lo: b / BINS, hi: (b + 1) / BINS, n: bin?.n ?? 0, meanForecast: bin?.meanForecast ?? NaN, observed: bin?.observed ?? NaN };
      }),
      firstDate: isoDay(s.firstDate),
      lastDate: isoDay(s.lastDate),
      isDemo: s.isDemo,
    };
  });
}
