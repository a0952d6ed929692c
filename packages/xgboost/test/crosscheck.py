"""Python side of the @nba/xgboost cross-check (run with Debian's /usr/bin/python3).

predict <model.json> <features.f32> <rows> <cols> <out.f32>
    load a model saved by @nba/xgboost, write probabilities then margins (float32).
train <features.f32> <labels.f32> <rows> <cols> <model_out.json> <out.f32>
    train a model here, save it as JSON, write its probabilities then margins (float32).
"""
import sys

import numpy as np
import xgboost as xgb


def load(path, rows, cols):
    return np.fromfile(path, dtype=np.float32).reshape(int(rows), int(cols))


def write_predictions(booster, X, out):
    d = xgb.DMatrix(X, nthread=1)
    prob = booster.predict(d)
    margin = booster.predict(d, output_margin=True)
    np.concatenate([prob, margin]).astype(np.float32).tofile(out)


def main(argv):
    mode = argv[1]
    if mode == "predict":
        model, features, rows, cols, out = argv[2:7]
        booster = xgb.Booster(model_file=model)
        write_predictions(booster, load(features, rows, cols), out)
    elif mode == "train":
        features, labels, rows, cols, model_out, out = argv[2:8]
        X = load(features, rows, cols)
        y = np.fromfile(labels, dtype=np.float32)
        params = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.2,
                  "tree_method": "hist", "nthread": 1, "seed": 5}
        booster = xgb.train(params, xgb.DMatrix(X, label=y, nthread=1), num_boost_round=40)
        booster.save_model(model_out)
        write_predictions(booster, X, out)
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main(sys.argv)
