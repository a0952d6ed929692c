import type { DMatrix } from './dmatrix';
import { XGBoostError } from './errors';
import { parseEvalResult } from './eval-result';
import { registerFinalizer, unregisterFinalizer } from './finalizer';
import { loadLibrary, type XGBoostBindings } from './library';
import {
  check,
  copyBytes,
  copyFloats,
  copyShape,
  copyStrings,
  outCount,
  outPointer,
  outString,
  paramValue,
} from './native';
import { validateParams, type BoosterParams } from './params';
import { RowPredictor } from './row-predictor';

/** A named evaluation set, e.g. `{ name: 'valid', data: dvalid }`. */
export interface EvalSet {
  name: string;
  data: DMatrix;
}

/** Options of {@link Booster.predict}. */
export interface PredictOptions {
  /** Raw margin (log-odds for binary:logistic) instead of the transformed prediction. */
  outputMargin?: boolean;
  /** Use trees of rounds [0, iterationEnd); 0 = all. Defaults to bestIteration + 1 when set. */
  iterationEnd?: number;
}

// PredictFromDMatrix `type`: 0 value, 1 margin, 2 SHAP contributions.
const PREDICT_VALUE = 0;
const PREDICT_MARGIN = 1;
const PREDICT_CONTRIBUTIONS = 2;

interface BoosterResources {
  handle: unknown;
  row: RowPredictor | undefined;
  free(): void;
}

/**
 * A gradient-boosted model in libxgboost. Predictions use rounds [0, bestIteration] when
 * `bestIteration` is set (train() sets it with early stopping), else all rounds.
 */
export class Booster {
  private readonly lib: XGBoostBindings;
  private readonly res: BoosterResources;
  private disposedFlag = false;
  private best: number | undefined;

  /** Creates a booster with `params`; `cache` lists the DMatrices it will train/evaluate on. */
  constructor(params: BoosterParams = {}, cache: readonly DMatrix[] = []) {
    validateParams(params);
    const lib = loadLibrary();
    const out: unknown[] = [null];
    const handles = cache.map((d) => d.handle);
    check(lib, lib.XGBoosterCreate(handles.length ? handles : null, handles.length, out), 'XGBoosterCreate');
    this.lib = lib;
    const res: BoosterResources = {
      handle: outPointer(out, 'XGBoosterCreate'),
      row: undefined,
      free() {
        res.row?.free();
        res.row = undefined;
        lib.XGBoosterFree(res.handle);
      },
    };
    this.res = res;
    registerFinalizer(this, res);
    try {
      this.setParams(params);
      const names = cache[0]?.featureNames;
      if (names !== undefined) this.featureNames = names;
    } catch (err) {
      this.dispose();
      throw err;
    }
  }

  /** Loads a model saved by {@link Booster.toJSON} (or by any XGBoost with format "json"). */
  static fromJSON(json: string | Uint8Array): Booster {
    const bytes = typeof json === 'string' ? Buffer.from(json, 'utf8') : json;
    const booster = new Booster();
    try {
      const { lib } = booster;
      check(lib, lib.XGBoosterLoadModelFromBuffer(booster.handle, bytes, bytes.length), 'XGBoosterLoadModelFromBuffer');
      const best = booster.getAttr('best_iteration');
      booster.best = best === undefined ? undefined : Number(best);
    } catch (err) {
      booster.dispose();
      throw err;
    }
    return booster;
  }

  private get handle(): unknown {
    if (this.disposedFlag) throw new XGBoostError('DISPOSED', 'Booster has been disposed');
    return this.res.handle;
  }

  /** Sets parameters (names validated; arrays set a name several times, e.g. eval_metric). */
  setParams(params: BoosterParams): void {
    validateParams(params);
    const handle = this.handle;
    for (const [name, value] of Object.entries(params)) {
      const values: readonly (string | number | boolean)[] = Array.isArray(value)
        ? value
        : [value as string | number | boolean];
      for (const v of values) {
        check(this.lib, this.lib.XGBoosterSetParam(handle, name, paramValue(v)), `XGBoosterSetParam(${name})`);
      }
    }
    this.resetRowPredictor();
  }

  /** Runs one boosting round on `dtrain`. */
  update(dtrain: DMatrix, iteration: number): void {
    check(this.lib, this.lib.XGBoosterUpdateOneIter(this.handle, iteration, dtrain.handle), 'XGBoosterUpdateOneIter');
    this.resetRowPredictor();
  }

  /** Evaluates the configured metrics on each set: `{ "valid-logloss": 0.61, ... }`. */
  evalSet(evals: readonly EvalSet[], iteration: number): Record<string, number> {
    if (evals.length === 0) return {};
    const handles = evals.map((e) => e.data.handle);
    const names = evals.map((e) => e.name);
    const out: unknown[] = [null];
    check(
      this.lib,
      this.lib.XGBoosterEvalOneIter(this.handle, iteration, handles, names, evals.length, out),
      'XGBoosterEvalOneIter',
    );
    return parseEvalResult(outString(out) ?? '');
  }

  /** Predicts every row of `data` (probabilities, or margins with outputMargin); a copy. */
  predict(data: DMatrix, options: PredictOptions = {}): Float32Array {
    const type = options.outputMargin ? PREDICT_MARGIN : PREDICT_VALUE;
    return this.predictDMatrix(data, type, options.iterationEnd).values;
  }

  /**
   * Fast single-row prediction (XGBoost in-place predict, no DMatrix). For single-output
   * models; `features` has numFeatures values in model order, NaN = missing.
   */
  predictRow(features: ArrayLike<number>, options: { outputMargin?: boolean } = {}): number {
    const handle = this.handle;
    let row = this.res.row;
    if (row === undefined) {
      const numFeatures = this.numFeatures;
      if (numFeatures === 0) throw new XGBoostError('INVALID_ARGUMENT', 'predictRow needs a trained model');
      row = new RowPredictor(this.lib, numFeatures, this.defaultIterationEnd());
      this.res.row = row;
    }
    return row.predict(handle, features, options.outputMargin === true);
  }

  /** SHAP values, row-major with `cols` = numFeatures + 1 per row (bias last); rows sum to the margin. */
  contributions(data: DMatrix, options: { iterationEnd?: number } = {}): { values: Float32Array; cols: number } {
    const { values, shape } = this.predictDMatrix(data, PREDICT_CONTRIBUTIONS, options.iterationEnd);
    return { values, cols: shape[shape.length - 1] ?? 0 };
  }

  /** The model in XGBoost's JSON format (loadable by Python's `Booster.load_model`). */
  toJSON(): string {
    const len: unknown[] = [0];
    const out: unknown[] = [null];
    check(
      this.lib,
      this.lib.XGBoosterSaveModelToBuffer(this.handle, '{"format":"json"}', len, out),
      'XGBoosterSaveModelToBuffer',
    );
    return copyBytes(out[0], outCount(len)).toString('utf8');
  }

  /** Number of input features the model was trained on (0 before training). */
  get numFeatures(): number {
    const out: unknown[] = [0];
    check(this.lib, this.lib.XGBoosterGetNumFeature(this.handle, out), 'XGBoosterGetNumFeature');
    return outCount(out);
  }

  /** Number of boosting rounds in the model. */
  get boostedRounds(): number {
    const out: unknown[] = [0];
    check(this.lib, this.lib.XGBoosterBoostedRounds(this.handle, out), 'XGBoosterBoostedRounds');
    return outCount(out);
  }

  /** Feature names stored with the model (saved in its JSON), or undefined. */
  get featureNames(): string[] | undefined {
    const len: unknown[] = [0];
    const out: unknown[] = [null];
    check(
      this.lib,
      this.lib.XGBoosterGetStrFeatureInfo(this.handle, 'feature_name', len, out),
      'XGBoosterGetStrFeatureInfo',
    );
    const n = outCount(len);
    return n === 0 ? undefined : copyStrings(out[0], n);
  }

  set featureNames(names: string[] | undefined) {
    const list = names ?? [];
    check(
      this.lib,
      this.lib.XGBoosterSetStrFeatureInfo(this.handle, 'feature_name', list, list.length),
      'XGBoosterSetStrFeatureInfo',
    );
  }

  /** Best round found by early stopping (0-based); stored in the model as `best_iteration`. */
  get bestIteration(): number | undefined {
    return this.best;
  }

  set bestIteration(value: number | undefined) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new XGBoostError('INVALID_ARGUMENT', `bestIteration must be a non-negative integer, got ${value}`);
    }
    this.setAttr('best_iteration', value === undefined ? null : String(value));
    this.best = value;
    this.resetRowPredictor();
  }

  /** Reads a model attribute (saved with the model), or undefined. */
  getAttr(key: string): string | undefined {
    const out: unknown[] = [null];
    const success: unknown[] = [0];
    check(this.lib, this.lib.XGBoosterGetAttr(this.handle, key, out, success), 'XGBoosterGetAttr');
    return Number(success[0]) === 1 ? outString(out) : undefined;
  }

  /** Sets (or with null, deletes) a model attribute. */
  setAttr(key: string, value: string | null): void {
    check(this.lib, this.lib.XGBoosterSetAttr(this.handle, key, value), 'XGBoosterSetAttr');
  }

  /** Frees the native booster; later use throws `XGBoostError('DISPOSED')`. Idempotent. */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    unregisterFinalizer(this);
    this.res.row?.free();
    this.res.row = undefined;
    check(this.lib, this.lib.XGBoosterFree(this.res.handle), 'XGBoosterFree');
  }

  private defaultIterationEnd(): number {
    return this.best === undefined ? 0 : this.best + 1;
  }

  private resetRowPredictor(): void {
    this.res.row?.free();
    this.res.row = undefined;
  }

  private predictDMatrix(
    data: DMatrix,
    type: number,
    iterationEnd: number | undefined,
  ): { values: Float32Array; shape: number[] } {
    const end = iterationEnd ?? this.defaultIterationEnd();
    if (!Number.isInteger(end) || end < 0) throw new XGBoostError('INVALID_ARGUMENT', `Invalid iterationEnd ${end}`);
    this.checkFeatureNames(data);
    const config = `{"type":${type},"training":false,"iteration_begin":0,"iteration_end":${end},"strict_shape":false}`;
    const shapeOut: unknown[] = [null];
    const dimOut: unknown[] = [0];
    const resultOut: unknown[] = [null];
    const rc = this.lib.XGBoosterPredictFromDMatrix(this.handle, data.handle, config, shapeOut, dimOut, resultOut);
    check(this.lib, rc, 'XGBoosterPredictFromDMatrix');
    const shape = copyShape(shapeOut[0], outCount(dimOut));
    const size = shape.reduce((a, b) => a * b, 1);
    return { values: copyFloats(resultOut[0], size), shape };
  }

  private checkFeatureNames(data: DMatrix): void {
    const mine = this.featureNames;
    const theirs = data.featureNames;
    if (mine === undefined || theirs === undefined) return;
    if (mine.length !== theirs.length || mine.some((n, i) => n !== theirs[i])) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `Feature names of the data do not match the model's (model: ${mine.join(', ')})`,
      );
    }
  }
}
