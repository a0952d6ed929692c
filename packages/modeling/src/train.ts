import { featureSpec, type FeatureSpec, type Variant } from '@nba/features';
import { Booster, DMatrix, train } from '@nba/xgboost';
import { marginOffset, totalOffset, winOffset } from './baselines';
import { featureMatrix, subset, type Dataset } from './dataset';
import { ModelingError } from './errors';
import { logLoss, meanAbsoluteError } from './metrics';
import { DEFAULT_PARAMS, type BoosterSettings, type ModelParams } from './params';

/** A trained model variant: three boosters sharing one feature spec. */
export interface TrainedModel {
  variant: Variant;
  spec: FeatureSpec;
  params: ModelParams;
  /** Home win probability (binary:logistic). */
  win: Booster;
  /** Home margin minus its offset (see `marginOffset`). */
  margin: Booster;
  /** Total minus its offset (see `totalOffset`). */
  total: Booster;
  /** Total used when neither the line nor the form-based expectation exists (training mean). */
  totalFallback: number;
  trainedOn: { firstDate: string; lastDate: string; games: number };
  /** Scores on the validation slice (the last training season) before any refit. */
  validation: { games: number; logloss: number; marginMae: number; totalMae: number };
  bestIterations: { win: number; margin: number; total: number };
}

/** Options of {@link trainModel}. */
export interface TrainOptions {
  params?: ModelParams;
  /** Called with short progress messages. */
  onProgress?: (message: string, meta?: Record<string, unknown>) => void;
}

function fit(settings: BoosterSettings, x: Float32Array, y: Float32Array, vx: Float32Array, vy: Float32Array, spec: FeatureSpec, refitAll: { x: Float32Array; y: Float32Array } | null): { booster: Booster; best: number } {
  const cols = spec.features.length;
  const names = [...spec.features];
  const dtrain = DMatrix.fromFloat32(x, y.length, cols, { label: y, featureNames: names });
  const dvalid = DMatrix.fromFloat32(vx, vy.length, cols, { label: vy, featureNames: names });
  try {
    const first = train(settings.params, dtrain, { numRounds: settings.numRounds, evals: [{ name: 'valid', data: dvalid }], earlyStoppingRounds: settings.earlyStoppingRounds });
    const best = (first.bestIteration ?? first.boostedRounds - 1) + 1;
    if (!refitAll) return { booster: first, best };
    first.dispose();
    const dall = DMatrix.fromFloat32(refitAll.x, refitAll.y.length, cols, { label: refitAll.y, featureNames: names });
    try {
      return { booster: train(settings.params, dall, { numRounds: best }), best };
    } finally {
      dall.dispose();
    }
  } finally {
    dtrain.dispose();
    dvalid.dispose();
  }
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Trains a variant on a dataset (finished games in date order): early stopping on the last
 * season of the data (time-ordered validation), then, with `params.refit`, a refit on all of it.
 */
export function trainModel(ds: Dataset, variant: Variant, options: TrainOptions = {}): TrainedModel {
  const params = options.params ?? DEFAULT_PARAMS;
  const spec = featureSpec(variant);
  if (ds.rows.length < 500) throw new ModelingError('NOT_ENOUGH_DATA', `need at least 500 finished games to train, got ${ds.rows.length}`);
  const lastSeason = (ds.rows[ds.rows.length - 1] as Dataset['rows'][number]).game.season;
  let fitPart = subset(ds, (r) => r.game.season < lastSeason);
  let validPart = subset(ds, (r) => r.game.season === lastSeason);
  if (fitPart.rows.length < 0.5 * ds.rows.length) {
    const cut = Math.floor(ds.rows.length * 0.85);
    fitPart = subset(ds, (_, i) => i < cut);
    validPart = subset(ds, (_, i) => i >= cut);
  }
  const totalFallback = ds.total.reduce((s, v) => s + v, 0) / ds.total.length;
  const x = featureMatrix(fitPart.rows, spec);
  const vx = featureMatrix(validPart.rows, spec);
  const all = params.refit ? concat(x, vx) : null;
  const resid = (part: Dataset, target: Float32Array, off: (v: Float64Array) => number) => Float32Array.from(part.rows, (r, i) => (target[i] as number) - off(r.values));
  const mOff = (v: Float64Array) => marginOffset(v, variant);
  const tOff = (v: Float64Array) => totalOffset(v, variant, totalFallback);
  options.onProgress?.('training win model', { variant, games: ds.rows.length });
  const win = fit(params.win, x, fitPart.homeWin, vx, validPart.homeWin, spec, all && { x: all, y: concat(fitPart.homeWin, validPart.homeWin) });
  const mFit = resid(fitPart, fitPart.margin, mOff);
  const mVal = resid(validPart, validPart.margin, mOff);
  const margin = fit(params.margin, x, mFit, vx, mVal, spec, all && { x: all, y: concat(mFit, mVal) });
  const tFit = resid(fitPart, fitPart.total, tOff);
  const tVal = resid(validPart, validPart.total, tOff);
  const total = fit(params.total, x, tFit, vx, tVal, spec, all && { x: all, y: concat(tFit, tVal) });
  const model: TrainedModel = {
    variant,
    spec,
    params,
    win: win.booster,
    margin: margin.booster,
    total: total.booster,
    totalFallback,
    trainedOn: { firstDate: (ds.rows[0] as Dataset['rows'][number]).game.date, lastDate: (ds.rows[ds.rows.length - 1] as Dataset['rows'][number]).game.date, games: ds.rows.length },
    validation: { games: validPart.rows.length, logloss: NaN, marginMae: NaN, totalMae: NaN },
    bestIterations: { win: win.best, margin: margin.best, total: total.best },
  };
  if (!params.refit) {
    const p = predictRows(model, validPart.rows);
    model.validation = { games: validPart.rows.length, logloss: logLoss(p.homeWin, validPart.homeWin), marginMae: meanAbsoluteError(p.margin, validPart.margin), totalMae: meanAbsoluteError(p.total, validPart.total) };
  }
  return model;
}

/** Predictions of a model for feature rows (full vectors, order `ALL_FEATURES`). */
export function predictRows(model: TrainedModel, rows: readonly { values: Float64Array }[]): { homeWin: Float64Array; margin: Float64Array; total: Float64Array } {
  const n = rows.length;
  const out = { homeWin: new Float64Array(n), margin: new Float64Array(n), total: new Float64Array(n) };
  if (n === 0) return out;
  const dm = DMatrix.fromFloat32(featureMatrix(rows, model.spec), n, model.spec.features.length, { featureNames: [...model.spec.features] });
  try {
    const pw = model.win.predict(dm);
    const pm = model.margin.predict(dm);
    const pt = model.total.predict(dm);
    rows.forEach((r, i) => {
      out.homeWin[i] = pw[i] as number;
      out.margin[i] = (pm[i] as number) + marginOffset(r.values, model.variant);
      out.total[i] = (pt[i] as number) + totalOffset(r.values, model.variant, model.totalFallback);
    });
  } finally {
    dm.dispose();
  }
  return out;
}

/** Frees the native boosters of a model. */
export function disposeModel(model: TrainedModel): void {
  model.win.dispose();
  model.margin.dispose();
  model.total.dispose();
}

