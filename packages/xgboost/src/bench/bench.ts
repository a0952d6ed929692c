/**
 * `pnpm bench`: the workload in this binding and in Python's xgboost on the same
 * libxgboost, in one command, printed side by side with ratios (node / python; < 1 = faster).
 * Node and Python runs alternate so that both see the same load on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Booster, DMatrix, libraryVersion, train } from '../index';
import { makeClassification, type SyntheticData } from './synthetic';

const ROWS = 20_000;
const COLS = 40;
const ROUNDS = 200;
const TRAIN_REPS = 5;
const BATCH_REPS = 10;
const SINGLE_CALLS = 10_000;
const PARAMS = { objective: 'binary:logistic', max_depth: 4, eta: 0.1, tree_method: 'hist', nthread: 1, seed: 0 };
const PYTHON = '/usr/bin/python3';
const PY_SCRIPT = path.join(__dirname, '../../bench/bench_python.py');

interface PythonResult {
  version: string;
  times: number[];
  firstPredictions: number[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

class PythonSide {
  available = true;
  version = 'n/a';
  constructor(private readonly args: string[]) {}

  run(mode: string, n: number): PythonResult | undefined {
    if (!this.available) return undefined;
    try {
      const out = execFileSync(PYTHON, [PY_SCRIPT, mode, ...this.args, String(n)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const result = JSON.parse(out) as PythonResult;
      this.version = result.version;
      return result;
    } catch (err) {
      this.available = false;
      console.log(
        `Python side skipped (${PYTHON} with python3-xgboost is needed): ${(err as Error).message.split('\n')[0]}`,
      );
      return undefined;
    }
  }
}

function nodeTrain(data: SyntheticData): { ms: number; booster: Booster } {
  let booster: Booster | undefined;
  const ms = timeMs(() => {
    const d = DMatrix.fromFloat32(data.features, ROWS, COLS, { label: data.labels });
    booster = train(PARAMS, d, { numRounds: ROUNDS });
    d.dispose();
  });
  return { ms, booster: booster as Booster };
}

function nodeSingle(booster: Booster, data: SyntheticData): number[] {
  const rowAt = (i: number): Float32Array => data.features.subarray((i % ROWS) * COLS, ((i % ROWS) + 1) * COLS);
  for (let i = 0; i < 1000; i++) booster.predictRow(rowAt(i));
  const times = new Array<number>(SINGLE_CALLS);
  for (let i = 0; i < SINGLE_CALLS; i++) {
    const row = rowAt(i);
    const start = process.hrtime.bigint();
    booster.predictRow(row);
    times[i] = Number(process.hrtime.bigint() - start) / 1e3;
  }
  return times;
}

function main(): void {
  const data = makeClassification(ROWS, COLS, 42, 0.3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nba-xgb-bench-'));
  try {
    const files = ['features.f32', 'labels.f32', 'model.json'].map((f) => path.join(dir, f));
    const [featuresFile, labelsFile, modelFile] = files as [string, string, string];
    fs.writeFileSync(featuresFile, data.features);
    fs.writeFileSync(labelsFile, data.labels);
    const py = new PythonSide([featuresFile, labelsFile, String(ROWS), String(COLS), String(ROUNDS), modelFile]);
    console.log(`libxgboost ${libraryVersion()}; ${ROWS} x ${COLS}, ${ROUNDS} rounds, depth 4, hist, nthread 1`);

    const nodeTrainMs: number[] = [];
    const pyTrainMs: number[] = [];
    let booster: Booster | undefined;
    for (let i = 0; i < TRAIN_REPS; i++) {
      booster?.dispose();
      const run = nodeTrain(data);
      booster = run.booster;
      nodeTrainMs.push(run.ms);
      pyTrainMs.push(...(py.run('train', 1)?.times ?? []));
    }
    const model = booster as Booster;
    fs.writeFileSync(modelFile, model.toJSON());

    const nodeBatchMs: number[] = [];
    const pyBatchMs: number[] = [];
    let preds: Float32Array = new Float32Array(0);
    let pyFirst: number[] = [];
    for (let i = 0; i < BATCH_REPS; i++) {
      nodeBatchMs.push(
        timeMs(() => {
          const d = DMatrix.fromFloat32(data.features, ROWS, COLS);
          preds = model.predict(d);
          d.dispose();
        }),
      );
      const r = py.run('batch', 1);
      pyBatchMs.push(...(r?.times ?? []));
      pyFirst = r?.firstPredictions ?? pyFirst;
    }

    const nodeSingleUs = nodeSingle(model, data);
    const pySingleUs = py.run('single', SINGLE_CALLS)?.times ?? [];
    model.dispose();

    const table: [string, number[], number[], number, string][] = [
      [`train ${ROWS}x${COLS}, ${ROUNDS} rounds (median of ${TRAIN_REPS})`, nodeTrainMs, pyTrainMs, 50, 'ms'],
      [`batch predict ${ROWS} rows, DMatrix + predict (median of ${BATCH_REPS})`, nodeBatchMs, pyBatchMs, 50, 'ms'],
      [`single-row predict, median of ${SINGLE_CALLS}`, nodeSingleUs, pySingleUs, 50, 'µs'],
      [`single-row predict, p99 of ${SINGLE_CALLS}`, nodeSingleUs, pySingleUs, 99, 'µs'],
    ];
    console.log('| workload | @nba/xgboost | Python xgboost | ratio (node/python) |');
    console.log('|---|---|---|---|');
    for (const [label, mine, theirs, p, unit] of table) {
      const n = percentile(mine, p);
      const q = theirs.length ? percentile(theirs, p) : undefined;
      const py = q === undefined ? 'n/a' : `${q.toFixed(1)} ${unit}`;
      console.log(`| ${label} | ${n.toFixed(1)} ${unit} | ${py} | ${q === undefined ? 'n/a' : (n / q).toFixed(2)} |`);
    }
    if (py.available) {
      const diff = Math.max(...pyFirst.map((v, i) => Math.abs(v - (preds[i] ?? NaN))));
      console.log(`Python xgboost ${py.version}, same model file: max |prediction difference| on first rows = ${diff}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
