import { DMatrix } from './dmatrix';
import { train } from './train';
import { expectXGBoostError } from '../test/expect-error';

describe('DMatrix', () => {
  test('fromFloat32 keeps shape, labels, weights and feature names', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, NaN]);
    const d = DMatrix.fromFloat32(data, 3, 2, { label: [0, 1, 1], weight: [1, 2, 0.5], featureNames: ['x', 'y'] });
    expect([d.rows, d.cols]).toEqual([3, 2]);
    expect(Array.from(d.getLabel())).toEqual([0, 1, 1]);
    expect(Array.from(d.getWeight())).toEqual([1, 2, 0.5]);
    expect(d.featureNames).toEqual(['x', 'y']);
    d.dispose();
    d.dispose(); // idempotent
    expect(d.disposed).toBe(true);
  });

  test('baseMargin is stored, checked per row, and added to every prediction (output margin)', () => {
    const rows = [[0], [1], [2], [3]];
    const label = [0, 1, 0, 1];
    const plain = DMatrix.fromRows(rows, { label });
    const shifted = DMatrix.fromRows(rows, { label, baseMargin: [0.5, -1, 2, 0] });
    expect(Array.from(shifted.getBaseMargin())).toEqual([0.5, -1, 2, 0]);
    expect(plain.getBaseMargin().length).toBe(0);
    expectXGBoostError(() => plain.setBaseMargin([1]), 'INVALID_ARGUMENT', /base_margin has 1 values/);
    const booster = train(
      { objective: 'binary:logistic', max_depth: 1, eta: 0.3, nthread: 1, seed: 0, verbosity: 0 },
      plain,
      { numRounds: 3 },
    );
    const a = booster.predict(plain, { outputMargin: true });
    const b = booster.predict(shifted, { outputMargin: true });
    [0.5, -1, 2, 0].forEach((m, i) => expect((b[i] as number) - (a[i] as number)).toBeCloseTo(m, 5));
    [plain, shifted, booster].forEach((x) => x.dispose());
  });

  test('fromRows builds the same matrix as fromFloat32', () => {
    const d = DMatrix.fromRows(
      [
        [1, 2],
        [3, NaN],
      ],
      { label: [1, 0] },
    );
    expect([d.rows, d.cols]).toEqual([2, 2]);
    expect(d.featureNames).toBeUndefined();
    d.setLabel(new Float32Array([0, 0]));
    expect(Array.from(d.getLabel())).toEqual([0, 0]);
    d.dispose();
  });

  test('rejects bad shapes and lengths with INVALID_ARGUMENT', () => {
    expectXGBoostError(
      () => DMatrix.fromFloat32(new Float32Array(5), 2, 3),
      'INVALID_ARGUMENT',
      /5 values, expected 2 x 3/,
    );
    expectXGBoostError(() => DMatrix.fromRows([[1, 2], [3]]), 'INVALID_ARGUMENT', /Row 1 has 1 values/);
    expectXGBoostError(() => DMatrix.fromRows([]), 'INVALID_ARGUMENT', /at least one row/);
    const d = DMatrix.fromRows([[1, 2]]);
    expectXGBoostError(() => d.setLabel([1, 2]), 'INVALID_ARGUMENT', /label has 2 values/);
    expectXGBoostError(() => (d.featureNames = ['a']), 'INVALID_ARGUMENT', /1 feature names for 2 columns/);
    expectXGBoostError(() => (d.featureNames = ['a', 'a']), 'INVALID_ARGUMENT', /unique/);
    d.dispose();
  });

  test('XGBoost errors surface as CALL_FAILED with its message', () => {
    const d = DMatrix.fromRows([[1, 2]]);
    // XGBoost rejects infinite labels itself.
    expectXGBoostError(() => d.setLabel([Infinity]), 'CALL_FAILED', /XGDMatrixSetFloatInfo failed: .*label/i);
    d.dispose();
  });

  test('use after dispose throws DISPOSED', () => {
    const d = DMatrix.fromRows([[1, 2]]);
    d.dispose();
    expectXGBoostError(() => d.setLabel([1]), 'DISPOSED', /disposed/);
    expectXGBoostError(() => d.getLabel(), 'DISPOSED', /disposed/);
  });
});
