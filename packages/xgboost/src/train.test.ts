import { expectXGBoostError } from '../test/expect-error';
import { Booster } from './booster';
import { makeClassification } from './bench/synthetic';
import { DMatrix } from './dmatrix';
import { train } from './train';

const COLS = 8;
// Noisy labels and deep, fast-learning trees: validation loss turns up early, so stopping fires.
const PARAMS = { objective: 'binary:logistic', max_depth: 8, eta: 0.5, min_child_weight: 0, nthread: 1, seed: 3 };
const a = makeClassification(1500, COLS, 11, 1.5);
const b = makeClassification(1500, COLS, 12, 1.5);
let dtrain: DMatrix;
let dvalid: DMatrix;

beforeAll(() => {
  dtrain = DMatrix.fromFloat32(a.features, a.rows, COLS, { label: a.labels });
  dvalid = DMatrix.fromFloat32(b.features, b.rows, COLS, { label: b.labels });
});
afterAll(() => {
  dtrain.dispose();
  dvalid.dispose();
});

describe('train', () => {
  test('calls onRound with every set and metric each round', () => {
    const rounds: number[] = [];
    const seen: Record<string, number>[] = [];
    const booster = train({ ...PARAMS, eval_metric: ['logloss', 'auc'] }, dtrain, {
      numRounds: 5,
      evals: [
        { name: 'train', data: dtrain },
        { name: 'valid', data: dvalid },
      ],
      onRound: (round, scores) => {
        rounds.push(round);
        seen.push(scores);
      },
    });
    expect(rounds).toEqual([0, 1, 2, 3, 4]);
    expect(Object.keys(seen[4] ?? {})).toEqual(['train-logloss', 'train-auc', 'valid-logloss', 'valid-auc']);
    expect(booster.bestIteration).toBeUndefined();
    booster.dispose();
  });

  test('early stopping on logloss stops, records and uses the best round', () => {
    const losses: number[] = [];
    const booster = train(PARAMS, dtrain, {
      numRounds: 200,
      evals: [{ name: 'valid', data: dvalid }],
      earlyStoppingRounds: 5,
      metric: 'logloss',
      onRound: (_, scores) => losses.push(scores['valid-logloss'] ?? NaN),
    });
    const best = booster.bestIteration ?? -1;
    expect(losses.length).toBeLessThan(200);
    expect(losses.length).toBe(best + 6); // 5 rounds without improvement after the best
    expect(Math.min(...losses)).toBe(losses[best]);
    expect(booster.boostedRounds).toBe(losses.length);
    // Predictions default to rounds [0, best]; an explicit iterationEnd overrides it.
    expect(booster.predict(dvalid)).toEqual(booster.predict(dvalid, { iterationEnd: best + 1 }));
    expect(booster.predict(dvalid)).not.toEqual(booster.predict(dvalid, { iterationEnd: 0 }));
    const row = b.features.subarray(0, COLS);
    expect(booster.predictRow(row)).toBe(booster.predict(dvalid)[0]);
    // The best round travels with the model (as XGBoost's best_iteration attribute).
    const loaded = Booster.fromJSON(booster.toJSON());
    expect(loaded.bestIteration).toBe(best);
    expect(loaded.getAttr('best_score')).toBe(String(losses[best]));
    expect(loaded.predict(dvalid)).toEqual(booster.predict(dvalid));
    loaded.dispose();
    booster.dispose();
  });

  test('maximized metrics (auc) stop on the highest score', () => {
    const aucs: number[] = [];
    const booster = train(PARAMS, dtrain, {
      numRounds: 200,
      evals: [{ name: 'valid', data: dvalid }],
      earlyStoppingRounds: 4,
      metric: 'auc',
      onRound: (_, scores) => aucs.push(scores['valid-auc'] ?? NaN),
    });
    expect(aucs.length).toBeLessThan(200);
    expect(aucs[booster.bestIteration ?? -1]).toBe(Math.max(...aucs));
    booster.dispose();
  });

  test('rejects inconsistent options', () => {
    expectXGBoostError(() => train(PARAMS, dtrain, { numRounds: 0 }), 'INVALID_ARGUMENT', /numRounds/);
    expectXGBoostError(
      () => train(PARAMS, dtrain, { numRounds: 5, earlyStoppingRounds: 2 }),
      'INVALID_ARGUMENT',
      /needs at least one eval set/,
    );
    expectXGBoostError(
      () =>
        train({ ...PARAMS, eval_metric: 'logloss' }, dtrain, {
          numRounds: 5,
          evals: [{ name: 'v', data: dvalid }],
          earlyStoppingRounds: 2,
          metric: 'auc',
        }),
      'INVALID_ARGUMENT',
      /"auc" is not among the evaluation results \(v-logloss\)/,
    );
    expectXGBoostError(() => train({ max_deph: 2 }, dtrain, { numRounds: 1 }), 'INVALID_PARAMETER', /max_deph/);
  });
});
