import { featureSpec, type FeatureSpec, type Variant } from '@nba/features';
import { train, type Booster } from '@nba/xgboost';
import { makeDMatrix } from './base-margin';
import { marginOffset, totalOffset, winOffset } from './baselines';
import { featureMatrix, seasonSplit, subset, type Dataset } from './dataset';
import { ModelingError } from './errors';
import { forecastRows, type ForecastParts } from './forecast';
import { fitMarginToWin } from './margin-blend';
import { marketShrinkFor } from './market-shrink-fit';
import { logLoss, meanAbsoluteError } from './metrics';
import { marketForecast } from './baselines';
import { DEFAULT_PARAMS, type BoosterSettings, type ModelParams } from './params';

/** Seasons (the last ones of the training data) the margin-to-win map is fitted on. */
export const MARGIN_BLEND_SEASONS = 3;

/**
 * A trained model variant: three boosters sharing one feature spec, and how they were trained.
 * Forecast with it through `ServingModel.fromTrained`.
 */
export interface TrainedModel extends ForecastParts {
  params: ModelParams;
  trainedOn: { firstDate: string; lastDate: string; games: number };
  /** Scores on the validation slice (the last training season) before any refit. */
  validation: {
    games: number;
    logLoss: number;
    marginMae: number;
    totalMae: number;
    /** Games of the slice with a market line, and the model's and the market's log loss on them (the promotion guardrail). */
    marketGames: number;
    logLossWithLine: number;
    marketLogLoss: number;
  };
  bestIterations: { win: number; margin: number; total: number };
}

/** Options of {@link trainModel}. */
export interface TrainOptions {
  params?: ModelParams;
  /** Called with short progress messages. */
  onProgress?: (message: string, meta?: Record<string, unknown>) => void;
}

interface FitData {
  x: Float32Array;
  y: Float32Array;
  /** Per-row starting margin (log-odds) for the win model. */
  base?: Float32Array;
}

function fit(
  settings: BoosterSettings,
  spec: FeatureSpec,
  tr: FitData,
  va: FitData,
  all: FitData | null,
): { booster: Booster; best: number } {
  const names = spec.features;
  const dtrain = makeDMatrix(tr.x, names, tr.y, tr.base);
  const dvalid = makeDMatrix(va.x, names, va.y, va.base);
  try {
    const first = train(settings.params, dtrain, {
      numRounds: settings.numRounds,
      evals: [{ name: 'valid', data: dvalid }],
      earlyStoppingRounds: settings.earlyStoppingRounds,
    });
    const best = (first.bestIteration ?? first.boostedRounds - 1) + 1;
    if (!all) return { booster: first, best };
    first.dispose();
    const dall = makeDMatrix(all.x, names, all.y, all.base);
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
  if (ds.rows.length < 500)
    throw new ModelingError('NOT_ENOUGH_DATA', `need at least 500 finished games to train, got ${ds.rows.length}`);
  const lastSeason = (ds.rows[ds.rows.length - 1] as Dataset['rows'][number]).game.season;
  let { train: fitPart, test: validPart } = seasonSplit(ds, lastSeason);
  if (fitPart.rows.length < 0.5 * ds.rows.length) {
    const cut = Math.floor(ds.rows.length * 0.85);
    fitPart = subset(ds, (_, i) => i < cut);
    validPart = subset(ds, (_, i) => i >= cut);
  }
  const totalFallback = ds.total.reduce((s, v) => s + v, 0) / ds.total.length;
  const x = featureMatrix(fitPart.rows, spec);
  const vx = featureMatrix(validPart.rows, spec);
  const mOff = (v: Float64Array) => marginOffset(v, variant);
  const tOff = (v: Float64Array) => totalOffset(v, variant, totalFallback);
  options.onProgress?.('training', { variant, games: ds.rows.length });
  const base = (part: Dataset) => Float32Array.from(part.rows, (r) => winOffset(r.values, variant));
  const target = (part: Dataset, y: Float32Array, off: (v: Float64Array) => number) =>
    Float32Array.from(part.rows, (r, i) => (y[i] as number) - off(r.values));
  const both = (a: FitData, b: FitData): FitData | null =>
    params.refit
      ? { x: concat(a.x, b.x), y: concat(a.y, b.y), ...(a.base && b.base ? { base: concat(a.base, b.base) } : {}) }
      : null;
  const wTr: FitData = { x, y: fitPart.homeWin, base: base(fitPart) };
  const wVa: FitData = { x: vx, y: validPart.homeWin, base: base(validPart) };
  const win = fit(params.win, spec, wTr, wVa, both(wTr, wVa));
  const mTr: FitData = { x, y: target(fitPart, fitPart.margin, mOff) };
  const mVa: FitData = { x: vx, y: target(validPart, validPart.margin, mOff) };
  const margin = fit(params.margin, spec, mTr, mVa, both(mTr, mVa));
  const tTr: FitData = { x, y: target(fitPart, fitPart.total, tOff) };
  const tVa: FitData = { x: vx, y: target(validPart, validPart.total, tOff) };
  const total = fit(params.total, spec, tTr, tVa, both(tTr, tVa));
  const model: TrainedModel = {
    variant,
    spec,
    params,
    win: win.booster,
    margin: margin.booster,
    total: total.booster,
    totalFallback,
    trainedOn: {
      firstDate: (ds.rows[0] as Dataset['rows'][number]).game.date,
      lastDate: (ds.rows[ds.rows.length - 1] as Dataset['rows'][number]).game.date,
      games: ds.rows.length,
    },
    validation: {
      games: validPart.rows.length,
      logLoss: NaN,
      marginMae: NaN,
      totalMae: NaN,
      marketGames: 0,
      logLossWithLine: NaN,
      marketLogLoss: NaN,
    },
    bestIterations: { win: win.best, margin: margin.best, total: total.best },
  };
  const blendWeight = params.marginBlend?.[variant] ?? 0;
  if (blendWeight > 0) {
    // fitted on the most recent seasons only: home-court advantage drifts (it fell after 2015)
    const recent = subset(ds, (r) => r.game.season > lastSeason - MARGIN_BLEND_SEASONS);
    model.marginToWin = fitMarginToWin(forecastRows(model, recent.rows).margin, recent.homeWin, blendWeight);
  }
  const maxLambda = params.marketShrink?.[variant];
  if (maxLambda !== undefined) model.marketShrink = marketShrinkFor(model, ds, validPart, maxLambda);
  if (!params.refit) {
    const p = forecastRows(model, validPart.rows);
    const withLine: number[] = [];
    validPart.rows.forEach((r, i) => Number.isFinite(marketForecast(r.values)) && withLine.push(i));
    const pick = (a: ArrayLike<number>) => withLine.map((i) => a[i] as number);
    model.validation = {
      games: validPart.rows.length,
      logLoss: logLoss(p.homeWin, validPart.homeWin),
      marginMae: meanAbsoluteError(p.margin, validPart.margin),
      totalMae: meanAbsoluteError(p.total, validPart.total),
      marketGames: withLine.length,
      logLossWithLine: withLine.length ? logLoss(pick(p.homeWin), pick(validPart.homeWin)) : NaN,
      marketLogLoss: withLine.length
        ? logLoss(
            withLine.map((i) => marketForecast((validPart.rows[i] as Dataset['rows'][number]).values)),
            pick(validPart.homeWin),
          )
        : NaN,
    };
  }
  return model;
}

/** Frees the native boosters of a model. */
export function disposeModel(model: ForecastParts): void {
  model.win.dispose();
  model.margin.dispose();
  model.total.dispose();
}
