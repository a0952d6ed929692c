import koffi from 'koffi';
import { XGBoostError } from './errors';
import type { XGBoostBindings } from './library';
import { check, copyShape } from './native';

/**
 * The single-row serving path: XGBoosterPredictFromDense on a row buffer that lives in native
 * memory (so its address, baked once into the `__array_interface__` JSON, never moves), with
 * pre-encoded config strings and pre-allocated out-parameters. A call allocates nothing in JS.
 */
export class RowPredictor {
  readonly numFeatures: number;
  private readonly lib: XGBoostBindings;
  private rowPointer: unknown;
  private row: Float32Array;
  private readonly values: Buffer;
  private readonly configs: readonly [Buffer, Buffer];
  private readonly shapeOut = new BigUint64Array(1);
  private readonly dimOut = new BigUint64Array(1);
  private readonly resultOut = new BigUint64Array(1);
  private resultAddress = -1n;
  private resultView = new Float32Array(0);
  private outputsChecked = false;

  constructor(lib: XGBoostBindings, numFeatures: number, iterationEnd: number) {
    this.lib = lib;
    this.numFeatures = numFeatures;
    this.rowPointer = koffi.alloc('float', numFeatures);
    this.row = new Float32Array(koffi.view(this.rowPointer, numFeatures * 4));
    const address = Number(koffi.address(this.rowPointer));
    const arrayInterface = { data: [address, true], shape: [1, numFeatures], typestr: '<f4', version: 3 };
    this.values = Buffer.from(`${JSON.stringify(arrayInterface)}\0`);
    const config = (type: number): Buffer =>
      Buffer.from(
        `{"type":${type},"training":false,"iteration_begin":0,"iteration_end":${iterationEnd},` +
          `"strict_shape":false,"missing":NaN,"cache_id":0}\0`,
      );
    this.configs = [config(0), config(1)];
  }

  /** Predicts one row; `features` must have exactly numFeatures values (NaN = missing). */
  predict(booster: unknown, features: ArrayLike<number>, outputMargin: boolean): number {
    if (features.length !== this.numFeatures) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `predictRow got ${features.length} features, the model has ${this.numFeatures}`,
      );
    }
    this.row.set(features);
    const config = outputMargin ? this.configs[1] : this.configs[0];
    const rc = this.lib.XGBoosterPredictFromDense(
      booster,
      this.values,
      config,
      null,
      this.shapeOut,
      this.dimOut,
      this.resultOut,
    );
    check(this.lib, rc, 'XGBoosterPredictFromDense');
    if (!this.outputsChecked) this.checkSingleOutput();
    // XGBoost reuses its prediction buffer; re-view only when its address changes. The value is
    // read immediately, so nothing XGBoost owns outlives this call.
    const address = this.resultOut[0] ?? 0n;
    if (address !== this.resultAddress) {
      this.resultView = new Float32Array(koffi.view(koffi.decode(this.resultOut, 'float *'), 4));
      this.resultAddress = address;
    }
    return this.resultView[0] ?? NaN;
  }

  /** Frees the native row buffer. */
  free(): void {
    if (this.rowPointer === null) return;
    this.row = new Float32Array(0);
    this.resultView = new Float32Array(0);
    koffi.free(this.rowPointer);
    this.rowPointer = null;
  }

  private checkSingleOutput(): void {
    const shape = copyShape(koffi.decode(this.shapeOut, 'uint64_t *'), Number(this.dimOut[0] ?? 0n));
    const outputs = shape.reduce((a, b) => a * b, 1);
    if (outputs !== 1) {
      throw new XGBoostError(
        'INVALID_ARGUMENT',
        `predictRow needs a single-output model; this one gives ${outputs} values per row`,
      );
    }
    this.outputsChecked = true;
  }
}
