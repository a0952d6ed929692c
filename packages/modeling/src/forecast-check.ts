/**
 * The last check before a forecast is stored or served: every published number finite and within
 * what an NBA forecast can be. Bounds from the closing lines and results of 2007-08 to 2023-24
 * (`../shared/data/nba`), with a wide margin so that no honest forecast is ever withheld:
 * - home win probability (the model's, and the market's when shown): the most lopsided de-vigged
 *   closing moneyline was 0.032 / 0.985, so 0.005..0.995 (a 0.0% or 100.0% on the page is a bug);
 * - expected margin: closing spreads ran from -23 to +18.5 (results -58 to +73), so ±60 points;
 * - expected total: closing totals ran from 170 to 262.5 (results 134 to 351), so 120..330 points.
 */
export const FORECAST_BOUNDS = Object.freeze({
  probability: { min: 0.005, max: 0.995 },
  marginPts: { min: -60, max: 60 },
  totalPts: { min: 120, max: 330 },
});

/** Why a forecast was withheld (the label of `forecasts_withheld_total{reason}`). */
export const WITHHELD_REASONS = [
  'not_finite',
  'probability_out_of_range',
  'margin_out_of_range',
  'total_out_of_range',
  'market_out_of_range',
] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** What the check reads of a forecast; the market probability only when one is shown with it. */
export interface PublishedNumbers {
  homeWinProbability: number;
  expectedMargin: number | null;
  expectedTotal: number | null;
  marketProbability?: number | null;
}

/** A forecast fit to publish, or why not (a one-line message naming the value). */
export type ForecastCheck = { ok: true } | { ok: false; reason: WithheldReason; message: string };

function outside(x: number, b: { min: number; max: number }): boolean {
  return x < b.min || x > b.max;
}

/**
 * Checks a forecast's published numbers against {@link FORECAST_BOUNDS}. A missing margin or total
 * (null: older stored forecasts) passes; a NaN or infinite one does not.
 */
export function checkForecast(f: PublishedNumbers): ForecastCheck {
  const B = FORECAST_BOUNDS;
  const named: [string, number | null | undefined][] = [
    ['home win probability', f.homeWinProbability],
    ['expected margin', f.expectedMargin],
    ['expected total', f.expectedTotal],
    ['market probability', f.marketProbability],
  ];
  for (const [name, x] of named) {
    if (x !== null && x !== undefined && !Number.isFinite(x))
      return { ok: false, reason: 'not_finite', message: `${name} is ${x}` };
  }
  const p = f.homeWinProbability;
  if (outside(p, B.probability)) {
    return {
      ok: false,
      reason: 'probability_out_of_range',
      message: `home win probability ${p} is outside ${B.probability.min}..${B.probability.max}`,
    };
  }
  const m = f.expectedMargin;
  if (m !== null && outside(m, B.marginPts)) {
    return {
      ok: false,
      reason: 'margin_out_of_range',
      message: `expected margin ${m.toFixed(1)} is outside ${B.marginPts.min}..${B.marginPts.max} points`,
    };
  }
  const t = f.expectedTotal;
  if (t !== null && outside(t, B.totalPts)) {
    return {
      ok: false,
      reason: 'total_out_of_range',
      message: `expected total ${t.toFixed(1)} is outside ${B.totalPts.min}..${B.totalPts.max} points`,
    };
  }
  const mk = f.marketProbability;
  if (mk !== null && mk !== undefined && outside(mk, B.probability)) {
    return {
      ok: false,
      reason: 'market_out_of_range',
      message: `market probability ${mk} is outside ${B.probability.min}..${B.probability.max}`,
    };
  }
  return { ok: true };
}
