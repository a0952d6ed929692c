import type { FeatureSpec, Variant } from '@nba/features';
import type { Booster } from '@nba/xgboost';
import { makeDMatrix } from './base-margin';
import { marginOffset, totalOffset, winOffset } from './baselines';
import { featureMatrix } from './dataset';
import { blendWin, type MarginToWin } from './margin-blend';
import { shrinkToMarket, type MarketShrink } from './market-shrink';

/** What the forecast formula reads of a model: its three boosters and the numbers that combine them. */
export interface ForecastParts {
  variant: Variant;
  spec: FeatureSpec;
  /** Home win probability (binary:logistic), started from each row's `winOffset`. */
  win: Booster;
  /** Home margin minus its offset (see `marginOffset`). */
  margin: Booster;
  /** Total minus its offset (see `totalOffset`). */
  total: Booster;
  /** Total used when neither the line nor the form-based expectation exists (training mean). */
  totalFallback: number;
  /** Blend of the win probability with the margin-derived one (absent: the win booster alone). */
  marginToWin?: MarginToWin;
  /** Pull of the win probability toward the market where a line exists (absent: none). */
  marketShrink?: MarketShrink;
}

/** The forecast of one game. */
export interface Forecast {
  homeWinProbability: number;
  /** Home points minus away points. */
  expectedMargin: number;
  /** Both teams' points. */
  expectedTotal: number;
}

/** Forecasts of many games, one entry per row. */
export interface Forecasts {
  homeWin: Float64Array;
  margin: Float64Array;
  total: Float64Array;
}

/**
 * The forecast formula, from what the three boosters answer for one full feature vector: the
 * margin and total boosters add to their offsets, and the win probability (the win booster started
 * from the row's `winOffset`) is blended with the margin-derived one (`marginToWin`), then pulled
 * toward the market where a line exists (`marketShrink`).
 */
export function combine(
  parts: ForecastParts,
  full: ArrayLike<number>,
  pWin: number,
  marginOut: number,
  totalOut: number,
): Forecast {
  const expectedMargin = marginOut + marginOffset(full, parts.variant);
  return {
    homeWinProbability: shrinkToMarket(blendWin(pWin, expectedMargin, parts.marginToWin), full, parts.marketShrink),
    expectedMargin,
    expectedTotal: totalOut + totalOffset(full, parts.variant, parts.totalFallback),
  };
}

/** Forecasts of full feature vectors (order `ALL_FEATURES`) through one DMatrix per booster kind. */
export function forecastRows(parts: ForecastParts, rows: readonly { values: Float64Array }[]): Forecasts {
  const n = rows.length;
  const out: Forecasts = { homeWin: new Float64Array(n), margin: new Float64Array(n), total: new Float64Array(n) };
  if (n === 0) return out;
  const x = featureMatrix(rows, parts.spec);
  // the win model adds each row's offset as XGBoost base_margin; the regressions were trained on
  // residuals without one, so they get a matrix without it and their offset is added in `combine`
  const dWin = makeDMatrix(
    x,
    parts.spec.features,
    undefined,
    Float32Array.from(rows, (r) => winOffset(r.values, parts.variant)),
  );
  const dReg = makeDMatrix(x, parts.spec.features);
  try {
    const pw = parts.win.predict(dWin);
    const pm = parts.margin.predict(dReg);
    const pt = parts.total.predict(dReg);
    rows.forEach((r, i) => {
      const f = combine(parts, r.values, pw[i] as number, pm[i] as number, pt[i] as number);
      out.homeWin[i] = f.homeWinProbability;
      out.margin[i] = f.expectedMargin;
      out.total[i] = f.expectedTotal;
    });
  } finally {
    dWin.dispose();
    dReg.dispose();
  }
  return out;
}
