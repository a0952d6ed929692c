import { XGBoostError } from './errors';
import { registerFinalizer, unregisterFinalizer } from './finalizer';
import { loadLibrary, type XGBoostBindings } from './library';
import { check, copyFloats, copyStrings, outCount, outPointer } from './native';

/** Optional metadata attached when a DMatrix is built. */
export interface DMatrixOptions {
  label?: ArrayLike<number>;
  weight?: ArrayLike<number>;
  /** Per-row starting margin (XGBoost `base_margin`): each row's prediction starts here instead of `base_score`. */
  baseMargin?: ArrayLike<number>;
  featureNames?: readonly string[];
}

/**
 * XGBoost's data matrix: a copy of dense float rows (NaN = missing) plus labels, weights and
 * feature names. Free it with {@link DMatrix.dispose}; a finalizer frees forgotten ones.
 */
export class DMatrix {
  readonly rows: number;
  readonly cols: number;
  private handleValue: unknown;
  private readonly lib: XGBoostBindings;
  private names: string[] | undefined;

  private constructor(lib: XGBoostBindings, handle: unknown, rows: number, cols: number) {
    this.lib = lib;
    this.handleValue = handle;
    this.rows = rows;
    this.cols = cols;
    registerFinalizer(this, { free: () => lib.XGDMatrixFree(handle) });
  }

  /** Builds a DMatrix from row-major `data` of `rows * cols` floats (copied; NaN = missing). */
  static fromFloat32(data: Float32Array, rows: number, cols: number, options: DMatrixOptions = {}): DMatrix {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1) {
      throw new XGBoostError('INVALID_ARGUMENT', `Invalid DMatrix shape ${rows} x ${cols}`);
    }
    if (data.length !== rows * cols) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `DMatrix data has ${data.length} values, expected ${rows} x ${cols} = ${rows * cols}`,
      );
    }
    const lib = loadLibrary();
    const out: unknown[] = [null];
    check(lib, lib.XGDMatrixCreateFromMat(data, rows, cols, NaN, out), 'XGDMatrixCreateFromMat');
    const matrix = new DMatrix(lib, outPointer(out, 'XGDMatrixCreateFromMat'), rows, cols);
    try {
      if (options.label !== undefined) matrix.setLabel(options.label);
      if (options.weight !== undefined) matrix.setWeight(options.weight);
      if (options.baseMargin !== undefined) matrix.setBaseMargin(options.baseMargin);
      if (options.featureNames !== undefined) matrix.featureNames = [...options.featureNames];
    } catch (err) {
      matrix.dispose();
      throw err;
    }
    return matrix;
  }

  /** Builds a DMatrix from an array of equally long rows (NaN = missing). */
  static fromRows(rows: readonly (readonly number[])[], options: DMatrixOptions = {}): DMatrix {
    const first = rows[0];
    if (first === undefined) throw new XGBoostError('INVALID_ARGUMENT', 'fromRows needs at least one row');
    const cols = first.length;
    const data = new Float32Array(rows.length * cols);
    rows.forEach((row, i) => {
      if (row.length !== cols) {
        throw new XGBoostError('INVALID_ARGUMENT', `Row ${i} has ${row.length} values, expected ${cols}`);
      }
      data.set(row, i * cols);
    });
    return DMatrix.fromFloat32(data, rows.length, cols, options);
  }

  /** The native handle; throws `DISPOSED` after dispose(). For use by Booster. */
  get handle(): unknown {
    if (this.handleValue === null) throw new XGBoostError('DISPOSED', 'DMatrix has been disposed');
    return this.handleValue;
  }

  /** True once dispose() has been called. */
  get disposed(): boolean {
    return this.handleValue === null;
  }

  /** Sets the training labels (one per row). */
  setLabel(label: ArrayLike<number>): void {
    this.setFloatInfo('label', label);
  }

  /** Sets per-row instance weights. */
  setWeight(weight: ArrayLike<number>): void {
    this.setFloatInfo('weight', weight);
  }

  /**
   * Sets the per-row base margin (untransformed, e.g. log-odds for `binary:logistic`). Training
   * boosts from it and prediction adds it, so set it on both the training and the predicted data.
   */
  setBaseMargin(margin: ArrayLike<number>): void {
    this.setFloatInfo('base_margin', margin);
  }

  /** Returns a copy of the base margin (empty when none was set). */
  getBaseMargin(): Float32Array {
    return this.getFloatInfo('base_margin');
  }

  /** Returns a copy of the labels (empty when none were set). */
  getLabel(): Float32Array {
    return this.getFloatInfo('label');
  }

  /** Returns a copy of the weights (empty when none were set). */
  getWeight(): Float32Array {
    return this.getFloatInfo('weight');
  }

  /** Feature names (one per column), or undefined when not set. */
  get featureNames(): string[] | undefined {
    return this.names ? [...this.names] : undefined;
  }

  set featureNames(names: string[] | undefined) {
    const handle = this.handle;
    const list = names ?? [];
    if (names !== undefined && names.length !== this.cols) {
      throw new XGBoostError('INVALID_ARGUMENT', `Got ${names.length} feature names for ${this.cols} columns`);
    }
    if (new Set(list).size !== list.length) {
      throw new XGBoostError('INVALID_ARGUMENT', 'Feature names must be unique');
    }
    check(
      this.lib,
      this.lib.XGDMatrixSetStrFeatureInfo(handle, 'feature_name', list, list.length),
      'XGDMatrixSetStrFeatureInfo',
    );
    this.names = names === undefined ? undefined : this.readFeatureNames();
  }

  /** Frees the native matrix; later use throws `XGBoostError('DISPOSED')`. Idempotent. */
  dispose(): void {
    if (this.handleValue === null) return;
    const handle = this.handleValue;
    this.handleValue = null;
    unregisterFinalizer(this);
    check(this.lib, this.lib.XGDMatrixFree(handle), 'XGDMatrixFree');
  }

  private readFeatureNames(): string[] {
    const len: unknown[] = [0];
    const out: unknown[] = [null];
    check(
      this.lib,
      this.lib.XGDMatrixGetStrFeatureInfo(this.handle, 'feature_name', len, out),
      'XGDMatrixGetStrFeatureInfo',
    );
    const n = outCount(len);
    return n === 0 ? [] : copyStrings(out[0], n);
  }

  private setFloatInfo(field: string, values: ArrayLike<number>): void {
    const handle = this.handle;
    if (values.length !== this.rows) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `${field} has ${values.length} values, expected one per row (${this.rows})`,
      );
    }
    const array = values instanceof Float32Array ? values : Float32Array.from(values);
    check(this.lib, this.lib.XGDMatrixSetFloatInfo(handle, field, array, array.length), 'XGDMatrixSetFloatInfo');
  }

  private getFloatInfo(field: string): Float32Array {
    const len: unknown[] = [0];
    const out: unknown[] = [null];
    check(this.lib, this.lib.XGDMatrixGetFloatInfo(this.handle, field, len, out), 'XGDMatrixGetFloatInfo');
    const n = outCount(len);
    return n === 0 ? new Float32Array(0) : copyFloats(out[0], n);
  }
}
