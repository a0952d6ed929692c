/** Scores of a probability forecast of a binary outcome. */
export interface ForecastScore {
  n: number;
  logLoss: number;
  brier: number;
  accuracy: number;
  ece: number;
}

/** One reliability bin: forecasts in [lo, hi). */
export interface CalibrationBin {
  lo: number;
  hi: number;
  n: number;
  meanForecast: number;
  observed: number;
}

const EPS = 1e-15;

function check(p: ArrayLike<number>, y: ArrayLike<number>): void {
  if (p.length !== y.length)
    throw new RangeError(`forecasts (${p.length}) and outcomes (${y.length}) differ in length`);
}

/** Mean negative log-likelihood (natural log), forecasts clipped to [1e-15, 1-1e-15]. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  check(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - EPS, Math.max(EPS, p[i] as number));
    s -= (y[i] as number) === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / p.length;
}

/** Mean squared error of the probability. */
export function brier(p: ArrayLike<number>, y: ArrayLike<number>): number {
  check(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += ((p[i] as number) - (y[i] as number)) ** 2;
  return s / p.length;
}

/** Share of games whose favourite (p > 0.5 home, p < 0.5 away) won; a 0.5 forecast counts as home. */
export function accuracy(p: ArrayLike<number>, y: ArrayLike<number>): number {
  check(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += ((p[i] as number) >= 0.5 ? 1 : 0) === (y[i] as number) ? 1 : 0;
  return s / p.length;
}

/** Equal-width reliability bins over [0, 1]; empty bins are kept with n = 0 and NaN means. */
export function calibrationBins(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): CalibrationBin[] {
  check(p, y);
  const n = new Array<number>(bins).fill(0);
  const sp = new Array<number>(bins).fill(0);
  const sy = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const q = p[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(q * bins)));
    n[b] = (n[b] as number) + 1;
    sp[b] = (sp[b] as number) + q;
    sy[b] = (sy[b] as number) + (y[i] as number);
  }
  return n.map((c, b) => ({
    lo: b / bins,
    hi: (b + 1) / bins,
    n: c,
    meanForecast: c ? (sp[b] as number) / c : NaN,
    observed: c ? (sy[b] as number) / c : NaN,
  }));
}

/** Expected calibration error: bin-size-weighted mean |mean forecast - observed rate| over 10 bins. */
export function expectedCalibrationError(p: ArrayLike<number>, y: ArrayLike<number>, bins = 10): number {
  let s = 0;
  for (const b of calibrationBins(p, y, bins)) if (b.n > 0) s += b.n * Math.abs(b.meanForecast - b.observed);
  return p.length ? s / p.length : NaN;
}

/** All scores of a forecast. */
export function scoreForecast(p: ArrayLike<number>, y: ArrayLike<number>): ForecastScore {
  return {
    n: p.length,
    logLoss: logLoss(p, y),
    brier: brier(p, y),
    accuracy: accuracy(p, y),
    ece: expectedCalibrationError(p, y),
  };
}

/** Mean absolute error. */
export function meanAbsoluteError(pred: ArrayLike<number>, actual: ArrayLike<number>): number {
  check(pred, actual);
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += Math.abs((pred[i] as number) - (actual[i] as number));
  return s / pred.length;
}
