"""Python half of `pnpm bench`: the same workload on Debian's python3-xgboost (same libxgboost).

Usage: bench_python.py <mode> <features.f32> <labels.f32> <rows> <cols> <rounds> <model.json> <n>
  mode train:  train n times, print times (ms)
  mode batch:  DMatrix + predict of all rows with the saved model, n times (ms)
  mode single: inplace_predict of one row, n calls (µs each)
Prints one JSON object: {"version", "times": [...], "firstPredictions": [...]}.
Node's bench alternates calls to this script with its own runs, so both see the same machine load.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

PARAMS = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.1, "tree_method": "hist",
          "nthread": 1, "seed": 0}


def main(argv):
    mode, features, labels, rows, cols, rounds, model_file, n = argv[1:9]
    rows, cols, rounds, n = int(rows), int(cols), int(rounds), int(n)
    X = np.fromfile(features, dtype=np.float32).reshape(rows, cols)
    y = np.fromfile(labels, dtype=np.float32)
    times, first = [], []
    if mode == "train":
        for _ in range(n):
            t = time.perf_counter()
            xgb.train(PARAMS, xgb.DMatrix(X, label=y, nthread=1), num_boost_round=rounds)
            times.append((time.perf_counter() - t) * 1e3)
    else:
        booster = xgb.Booster(model_file=model_file)
        booster.set_param({"nthread": 1})
        if mode == "batch":
            for _ in range(n):
                t = time.perf_counter()
                preds = booster.predict(xgb.DMatrix(X, nthread=1))
                times.append((time.perf_counter() - t) * 1e3)
            first = [float(v) for v in preds[:5]]
        elif mode == "single":
            for i in range(1000):
                booster.inplace_predict(X[i % rows:i % rows + 1])
            for i in range(n):
                row = X[i % rows:i % rows + 1]
                t = time.perf_counter_ns()
                booster.inplace_predict(row)
                times.append((time.perf_counter_ns() - t) / 1e3)
        else:
            raise SystemExit("unknown mode " + mode)
    print(json.dumps({"version": xgb.__version__, "times": times, "firstPredictions": first}))


if __name__ == "__main__":
    main(sys.argv)
