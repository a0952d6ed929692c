import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Booster, DMatrix, train } from '../src';
import { makeClassification } from '../src/bench/synthetic';

// Debian's python3-xgboost uses the same libxgboost0 as this package.
const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'crosscheck.py');
const probe = spawnSync(PYTHON, ['-c', 'import xgboost'], { encoding: 'utf8' });
const hasPython = probe.status === 0;
if (!hasPython) {
  console.warn(
    `Skipping the Python cross-check: ${PYTHON} cannot import xgboost (apt-get install -y python3-xgboost).`,
  );
}

const COLS = 12;
const ROWS = 3000;
const data = makeClassification(ROWS, COLS, 21, 0.4, 0.03);

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a).toHaveLength(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return max;
}

(hasPython ? describe : describe.skip)('cross-check with Python xgboost (same libxgboost)', () => {
  let dir: string;
  let dmat: DMatrix;
  const featuresFile = (): string => path.join(dir, 'features.f32');

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nba-xgb-'));
    fs.writeFileSync(featuresFile(), data.features);
    fs.writeFileSync(path.join(dir, 'labels.f32'), data.labels);
    dmat = DMatrix.fromFloat32(data.features, ROWS, COLS, { label: data.labels });
  });
  afterAll(() => {
    dmat.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function readPredictions(file: string): { prob: Float32Array; margin: Float32Array } {
    const all = new Float32Array(new Uint8Array(fs.readFileSync(file)).buffer);
    return { prob: all.slice(0, ROWS), margin: all.slice(ROWS) };
  }

  test('a model saved here predicts the same in Python', () => {
    const params = { objective: 'binary:logistic', max_depth: 5, eta: 0.1, tree_method: 'hist', nthread: 1, seed: 1 };
    const booster = train(params, dmat, { numRounds: 50 });
    const modelFile = path.join(dir, 'node-model.json');
    fs.writeFileSync(modelFile, booster.toJSON());
    const out = path.join(dir, 'py-preds.f32');
    execFileSync(PYTHON, [SCRIPT, 'predict', modelFile, featuresFile(), String(ROWS), String(COLS), out]);
    const py = readPredictions(out);
    expect(maxAbsDiff(booster.predict(dmat), py.prob)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(booster.predict(dmat, { outputMargin: true }), py.margin)).toBeLessThanOrEqual(1e-6);
    booster.dispose();
  });

  test('a model saved by Python predicts the same here', () => {
    const modelFile = path.join(dir, 'py-model.json');
    const out = path.join(dir, 'py-train-preds.f32');
    execFileSync(PYTHON, [
      SCRIPT,
      'train',
      featuresFile(),
      path.join(dir, 'labels.f32'),
      String(ROWS),
      String(COLS),
      modelFile,
      out,
    ]);
    const py = readPredictions(out);
    const booster = Booster.fromJSON(fs.readFileSync(modelFile));
    expect(booster.numFeatures).toBe(COLS);
    expect(maxAbsDiff(booster.predict(dmat), py.prob)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(booster.predict(dmat, { outputMargin: true }), py.margin)).toBeLessThanOrEqual(1e-6);
    const rows = Float32Array.from({ length: 100 }, (_, i) =>
      booster.predictRow(data.features.subarray(i * COLS, (i + 1) * COLS)),
    );
    expect(maxAbsDiff(rows, py.prob.slice(0, 100))).toBeLessThanOrEqual(1e-6);
    // The same data, params and seed trained here give the byte-identical model.
    const mine = train(
      { objective: 'binary:logistic', max_depth: 4, eta: 0.2, tree_method: 'hist', nthread: 1, seed: 5 },
      dmat,
      { numRounds: 40 },
    );
    // Python's train() records these two attributes even without early stopping.
    mine.setAttr('best_iteration', '39');
    mine.setAttr('best_ntree_limit', '40');
    const identical = mine.toJSON() === fs.readFileSync(modelFile, 'utf8');
    expect(identical).toBe(true);
    mine.dispose();
    booster.dispose();
  });
});
