import { expectXGBoostError } from '../test/expect-error';
import { Booster } from './booster';
import { makeClassification } from './bench/synthetic';
import { DMatrix } from './dmatrix';
import { loadLibrary } from './library';
import { train } from './train';

const COLS = 10;
const PARAMS = { objective: 'binary:logistic', max_depth: 4, eta: 0.2, tree_method: 'hist', nthread: 1, seed: 7 };
const trainData = makeClassification(4000, COLS, 1, 0.3, 0.02);
const testData = makeClassification(1000, COLS, 2, 0.3, 0.02);
const names = Array.from({ length: COLS }, (_, i) => `f${i}`);

let dtrain: DMatrix;
let dtest: DMatrix;
let booster: Booster;

beforeAll(() => {
  dtrain = DMatrix.fromFloat32(trainData.features, trainData.rows, COLS, {
    label: trainData.labels,
    featureNames: names,
  });
  dtest = DMatrix.fromFloat32(testData.features, testData.rows, COLS, { label: testData.labels, featureNames: names });
  booster = train(PARAMS, dtrain, { numRounds: 60 });
});

afterAll(() => {
  booster.dispose();
  dtrain.dispose();
  dtest.dispose();
});

function row(data: Float32Array, i: number): Float32Array {
  return data.subarray(i * COLS, (i + 1) * COLS);
}

describe('Booster', () => {
  test('reaches a known-good accuracy on held-out data', () => {
    const p = booster.predict(dtest);
    expect(p).toHaveLength(testData.rows);
    let correct = 0;
    p.forEach((v, i) => (correct += (v > 0.5 ? 1 : 0) === testData.labels[i] ? 1 : 0));
    const accuracy = correct / testData.rows;
    expect(accuracy).toBeGreaterThan(0.85);
    expect(booster.numFeatures).toBe(COLS);
    expect(booster.boostedRounds).toBe(60);
    expect(booster.featureNames).toEqual(names);
  });

  test('margin is the logit of the probability', () => {
    const p = booster.predict(dtest);
    const m = booster.predict(dtest, { outputMargin: true });
    for (let i = 0; i < 50; i++) expect(1 / (1 + Math.exp(-(m[i] ?? 0)))).toBeCloseTo(p[i] ?? -1, 6);
    const first10 = booster.predict(dtest, { iterationEnd: 10 });
    expect(first10[0]).not.toBeCloseTo(p[0] ?? 0, 6);
  });

  test('predictRow (in-place) equals batch predict, including missing values', () => {
    const p = booster.predict(dtest);
    const m = booster.predict(dtest, { outputMargin: true });
    for (let i = 0; i < 200; i++) {
      expect(booster.predictRow(row(testData.features, i))).toBe(p[i]);
      expect(booster.predictRow(Array.from(row(testData.features, i)), { outputMargin: true })).toBe(m[i]);
    }
  });

  test('SHAP contributions have numFeatures + 1 columns and sum to the margin', () => {
    const { values, cols } = booster.contributions(dtest);
    const margin = booster.predict(dtest, { outputMargin: true });
    expect(cols).toBe(COLS + 1);
    expect(values).toHaveLength(testData.rows * cols);
    for (let i = 0; i < testData.rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += values[i * cols + j] ?? NaN;
      expect(Math.abs(sum - (margin[i] ?? NaN))).toBeLessThan(1e-4);
    }
  });

  test('toJSON / fromJSON round-trip predicts identically and keeps features', () => {
    const json = booster.toJSON();
    expect((JSON.parse(json) as { learner: { feature_names: string[] } }).learner.feature_names).toEqual(names);
    for (const source of [json, Buffer.from(json)]) {
      const loaded = Booster.fromJSON(source);
      expect(loaded.numFeatures).toBe(COLS);
      expect(loaded.featureNames).toEqual(names);
      expect(loaded.predict(dtest)).toEqual(booster.predict(dtest));
      expect(loaded.predictRow(row(testData.features, 3))).toBe(booster.predictRow(row(testData.features, 3)));
      expect(loaded.toJSON()).toBe(json);
      loaded.dispose();
    }
  });

  test('same data, params and seed give byte-identical model JSON', () => {
    const params = { ...PARAMS, subsample: 0.7, colsample_bytree: 0.8 };
    const a = train(params, dtrain, { numRounds: 15 });
    const b = train(params, dtrain, { numRounds: 15 });
    const c = train({ ...params, seed: 8 }, dtrain, { numRounds: 15 });
    expect(a.toJSON()).toBe(b.toJSON());
    expect(c.toJSON()).not.toBe(a.toJSON());
    [a, b, c].forEach((x) => x.dispose());
  });

  test('evalSet reports each set and metric', () => {
    const scores = booster.evalSet(
      [
        { name: 'train', data: dtrain },
        { name: 'valid', data: dtest },
      ],
      0,
    );
    expect(Object.keys(scores)).toEqual(['train-logloss', 'valid-logloss']);
    expect(scores['valid-logloss']).toBeGreaterThan(scores['train-logloss'] ?? Infinity);
  });
});

describe('Booster errors', () => {
  test('a misspelled parameter is INVALID_PARAMETER with a suggestion', () => {
    expectXGBoostError(() => new Booster({ max_dept: 3 }), 'INVALID_PARAMETER', /"max_dept".*did you mean "max_depth"/);
    expectXGBoostError(() => booster.setParams({ etaa: 0.1 }), 'INVALID_PARAMETER', /Unknown XGBoost parameter "etaa"/);
    expectXGBoostError(() => new Booster({ eta: NaN }), 'INVALID_PARAMETER', /invalid value/);
  });

  test('an invalid value is reported by XGBoost as CALL_FAILED with its message', () => {
    const b = new Booster({ objective: 'binary:nonsense' }, [dtrain]);
    expectXGBoostError(
      () => b.update(dtrain, 0),
      'CALL_FAILED',
      /XGBoosterUpdateOneIter failed: .*Unknown objective function: `binary:nonsense`/,
    );
    b.dispose();
  });

  test('a corrupt model is CALL_FAILED', () => {
    expectXGBoostError(
      () => Booster.fromJSON('{"not": "a model"'),
      'CALL_FAILED',
      /XGBoosterLoadModelFromBuffer failed: \S+/,
    );
  });

  test('wrong feature count is reported', () => {
    const wide = DMatrix.fromFloat32(new Float32Array(COLS + 1), 1, COLS + 1);
    expectXGBoostError(() => booster.predict(wide), 'CALL_FAILED', /XGBoosterPredictFromDMatrix failed: .*feature/i);
    wide.dispose();
    const narrow = DMatrix.fromRows([[1, 2, 3]]);
    expectXGBoostError(() => booster.predictRow([1, 2, 3]), 'INVALID_ARGUMENT', /got 3 features, the model has 10/);
    narrow.featureNames = ['a', 'b', 'c'];
    expectXGBoostError(() => booster.predict(narrow), 'INVALID_ARGUMENT', /Feature names .* do not match/);
    narrow.dispose();
  });

  test('predictRow rejects untrained and multi-output models', () => {
    const empty = new Booster();
    expectXGBoostError(() => empty.predictRow([1]), 'CALL_FAILED', /0 feature is supplied/);
    empty.dispose();
    const multi = train(
      { objective: 'multi:softprob', num_class: 3, nthread: 1 },
      DMatrix.fromRows([[1], [2], [3]], { label: [0, 1, 2] }),
      { numRounds: 2 },
    );
    expect(multi.predict(DMatrix.fromRows([[1]]))).toHaveLength(3);
    expectXGBoostError(() => multi.predictRow([1]), 'INVALID_ARGUMENT', /single-output model; this one gives 3/);
    multi.dispose();
  });

  test('use after dispose throws DISPOSED', () => {
    const b = Booster.fromJSON(booster.toJSON());
    b.dispose();
    expectXGBoostError(() => b.predict(dtest), 'DISPOSED', /disposed/);
    expectXGBoostError(() => b.predictRow(row(testData.features, 0)), 'DISPOSED', /disposed/);
    expectXGBoostError(() => b.toJSON(), 'DISPOSED', /disposed/);
    const d = DMatrix.fromRows([[1]]);
    d.dispose();
    expectXGBoostError(() => booster.predict(d), 'DISPOSED', /DMatrix has been disposed/);
  });

  test('a missing library is LIBRARY_NOT_FOUND with the install command', () => {
    expectXGBoostError(
      () => loadLibrary('/nonexistent/libxgboost.so'),
      'LIBRARY_NOT_FOUND',
      /apt-get install -y libxgboost0/,
    );
  });
});
