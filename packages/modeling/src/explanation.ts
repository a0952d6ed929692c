import { featureIndex } from '@nba/features';
import { DMatrix, type Booster } from '@nba/xgboost';
import { marginOffset, marketForecast, winOffset } from './baselines';
import { featureMatrix } from './dataset';
import type { ForecastParts } from './forecast';

/** One feature's share of a forecast, in log-odds of a home win. */
export interface Contribution {
  feature: string;
  /** The feature's value (null: missing). */
  value: number | null;
  contribution: number;
}

/** A forecast's home-win log-odds split by feature: the baseline plus every contribution is the log-odds. */
export interface Explanation {
  target: 'home_win_log_odds';
  baseline: number;
  /** The largest shares first. */
  contributions: Contribution[];
}

type Shap = { values: Float32Array; cols: number };

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** SHAP values of a booster for every row, row-major with a bias column last. */
function shapOf(booster: Booster, x: Float32Array, rows: number, cols: number): Shap {
  const dm = DMatrix.fromFloat32(x, rows, cols);
  try {
    return booster.contributions(dm);
  } finally {
    dm.dispose();
  }
}

/**
 * The `top` largest SHAP contributions to the home-win log-odds of each full feature vector
 * (order `ALL_FEATURES`), from one DMatrix holding every row. The served log-odds are
 * `(1 - w) * (win booster + offset) + w * (a + b * (margin booster + margin start))` (w = 0 without a
 * blend), so each feature's share is `(1 - w) * φ_win + w * b * φ_margin` and the rest is the
 * baseline: the shares and the baseline add up to the forecast's log-odds exactly.
 * `winBaseMargin` is the win booster's own starting margin, which each row's offset replaces.
 */
export function explainRows(
  parts: ForecastParts,
  winBaseMargin: number,
  rows: readonly Float64Array[],
  top: number,
): Explanation[] {
  const names = parts.spec.features;
  const n = names.length;
  const columns = Int32Array.from(names, (f) => featureIndex(f));
  const x = featureMatrix(
    rows.map((values) => ({ values })),
    parts.spec,
  );
  const blend = parts.marginToWin && parts.marginToWin.weight !== 0 ? parts.marginToWin : undefined;
  const win = shapOf(parts.win, x, rows.length, n);
  const margin = blend ? shapOf(parts.margin, x, rows.length, n) : undefined;
  const w = blend?.weight ?? 0;
  const b = blend?.slope ?? 0;
  return rows.map((full, i) => {
    const ws = i * win.cols;
    const ms = i * (margin?.cols ?? 0);
    const share = new Float64Array(n);
    for (let j = 0; j < n; j++)
      share[j] = (1 - w) * (win.values[ws + j] as number) + (margin ? w * b * (margin.values[ms + j] as number) : 0);
    // XGBoost puts its base score in the bias; the served win model replaces it by the row's offset
    let baseline = (1 - w) * ((win.values[ws + n] as number) - winBaseMargin + winOffset(full, parts.variant));
    if (blend && margin)
      baseline += w * (blend.intercept + b * ((margin.values[ms + n] as number) + marginOffset(full, parts.variant)));
    // pulled toward the market: z = k + lambda * (z_raw - k - center), so every share scales by
    // lambda and the baseline takes the rest (k = the market's log-odds)
    const mk = marketForecast(full);
    if (parts.marketShrink && Number.isFinite(mk)) {
      const k = Math.log(Math.min(1 - 1e-6, Math.max(1e-6, mk)) / (1 - Math.min(1 - 1e-6, Math.max(1e-6, mk))));
      const { lambda, center } = parts.marketShrink;
      for (let j = 0; j < n; j++) share[j] = lambda * (share[j] as number);
      baseline = k + lambda * (baseline - k - center);
    }
    const order = Array.from({ length: n }, (_, j) => j).sort(
      (p, q) => Math.abs(share[q] as number) - Math.abs(share[p] as number),
    );
    return {
      target: 'home_win_log_odds',
      baseline,
      contributions: order.slice(0, top).map((j) => ({
        feature: names[j] as string,
        value: finite(full[columns[j] as number] as number),
        contribution: share[j] as number,
      })),
    };
  });
}
