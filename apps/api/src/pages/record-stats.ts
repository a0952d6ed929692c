import { accuracy, brier, calibrationBins, logLoss, type CalibrationBin } from '@nba/modeling';
import type { SettledForecast } from './record-data';

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

function scores(p: number[], y: number[]): Scores {
  return { logLoss: logLoss(p, y), brier: brier(p, y), accuracy: accuracy(p, y) };
}

const EPS = 1e-15;
const lossOf = (p: number, won: boolean) => -Math.log(Math.min(1 - EPS, Math.max(EPS, won ? p : 1 - p)));

/**
 * Scores one version's settled forecasts (in date order) beside the market's on the same games,
 * with the running mean log loss at the end of each day and calibration in ten bins.
 */
export function versionRecord(forecasts: readonly SettledForecast[]): VersionRecord {
  const first = forecasts[0];
  if (!first) throw new Error('versionRecord needs at least one settled forecast');
  const withMarket = forecasts.filter((f) => f.market !== null);
  const compared = withMarket.length > 0 ? withMarket : forecasts;
  const y = compared.map((f) => (f.homeWon ? 1 : 0));
  const running: RunningPoint[] = [];
  let games = 0;
  let modelSum = 0;
  let marketSum = 0;
  for (const f of compared) {
    games += 1;
    modelSum += lossOf(f.probability, f.homeWon);
    if (f.market !== null) marketSum += lossOf(f.market, f.homeWon);
    const point = { date: f.date, games, model: modelSum / games, market: withMarket.length > 0 ? marketSum / games : null };
    if (running.at(-1)?.date === f.date) running[running.length - 1] = point;
    else running.push(point);
  }
  const marketScores =
    withMarket.length > 0
      ? scores(
          withMarket.map((f) => f.market as number),
          y,
        )
      : null;
  return {
    versionId: first.versionId,
    name: first.name,
    version: first.version,
    settled: forecasts.length,
    compared: withMarket.length,
    model: scores(
      compared.map((f) => f.probability),
      y,
    ),
    market: marketScores,
    running,
    calibration: calibrationBins(
      forecasts.map((f) => f.probability),
      forecasts.map((f) => (f.homeWon ? 1 : 0)),
    ),
    firstDate: first.date,
    lastDate: forecasts[forecasts.length - 1]!.date,
    isDemo: forecasts.some((f) => f.isDemo),
  };
}

/** The records of every version in `forecasts` (grouped by version id, in the order given). */
export function versionRecords(forecasts: readonly SettledForecast[]): VersionRecord[] {
  const byVersion = new Map<number, SettledForecast[]>();
  for (const f of forecasts) {
    const list = byVersion.get(f.versionId);
    if (list) list.push(f);
    else byVersion.set(f.versionId, [f]);
  }
  return [...byVersion.values()].map(versionRecord);
}
