import { seasonOfDate } from '@nba/config';
import { featureIndex, type Matchup } from '@nba/features';
import { marginOffset, totalOffset, winOffset } from '@nba/modeling';
import { DMatrix } from '@nba/xgboost';
import { addDays } from './clock';
import { ApiError } from './errors';
import type { FeatureSnapshot } from './feature-store';
import type { LoadedModel } from './loaded-model';
import type { ForecastOutput, MatchupInput } from './schemas/predict';
import { lineKey } from './upcoming-lines';

const MARKET_PROB = featureIndex('market_prob');

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

let lastDefault = { asOf: null as string | null, today: '', date: '' };

/** Default game date: today (US Eastern), or the day after the last results if that is later. */
export function defaultDate(asOf: string | null, today: string): string {
  if (asOf === lastDefault.asOf && today === lastDefault.today) return lastDefault.date;
  const next = asOf === null ? today : addDays(asOf, 1);
  lastDefault = { asOf, today, date: next > today ? next : today };
  return lastDefault.date;
}

interface Prepared {
  matchup: Matchup;
  full: Float64Array;
  row: Float32Array;
  offset: number;
  hasLine: boolean;
}

/**
 * Forecasts matchups with a model from a feature snapshot (the snapshot is not changed). Win,
 * margin and total come from XGBoost's in-place single-row path; with `explain > 0`, the top
 * SHAP contributions of the win model come from one DMatrix holding every row. `field` names
 * each matchup's place in the request for validation errors (`''` or `matchups.3.`).
 */
export function forecast(
  model: LoadedModel,
  snap: FeatureSnapshot,
  inputs: readonly MatchupInput[],
  options: { today: string; explain: number; field: (i: number) => string },
): ForecastOutput[] {
  const cols = model.columns.length;
  const prepared: Prepared[] = inputs.map((m, i) => {
    const date = m.date ?? defaultDate(snap.asOf, options.today);
    if (snap.asOf !== null && date <= snap.asOf) {
      throw ApiError.validation([{ field: `${options.field(i)}date`, problem: `must be after ${snap.asOf}, the last day of results the features include` }]);
    }
    const matchup: Matchup = { season: seasonOfDate(date), date, home: m.home, away: m.away, gameType: m.gameType, neutral: m.neutral };
    const upcoming = snap.lines.get(lineKey(date, m.home, m.away));
    const full = snap.state.featuresFor(matchup, upcoming?.line);
    const row = new Float32Array(cols);
    for (let j = 0; j < cols; j++) row[j] = full[model.columns[j] as number] as number;
    return { matchup, full, row, offset: winOffset(full, model.variant), hasLine: upcoming !== undefined };
  });
  const shap = options.explain > 0 ? contributions(model, prepared) : undefined;
  return prepared.map((p, i) => {
    const { matchup, full, row, offset } = p;
    const homeWin = sigmoid(model.win.predictRow(row, { outputMargin: true }) - model.winBaseMargin + offset);
    const margin = model.margin ? model.margin.predictRow(row) + marginOffset(full, model.variant) : NaN;
    const total = model.total ? model.total.predictRow(row) + totalOffset(full, model.variant, model.totalFallback) : NaN;
    const marketProb = full[MARKET_PROB] as number;
    const line = p.hasLine ? snap.lines.get(lineKey(matchup.date, matchup.home, matchup.away))?.line : undefined;
    const out: ForecastOutput = {
      home: matchup.home,
      away: matchup.away,
      date: matchup.date,
      season: matchup.season,
      neutral: matchup.neutral === true,
      gameType: matchup.gameType,
      homeWinProbability: homeWin,
      awayWinProbability: 1 - homeWin,
      expectedMargin: margin,
      expectedTotal: total,
      market: line
        ? {
            homeProbability: finite(marketProb),
            spread: line.spreadHome ?? null,
            total: line.total ?? null,
            edge: Number.isFinite(marketProb) ? homeWin - marketProb : null,
          }
        : null,
      model: { name: model.name, version: model.version },
      featuresAsOf: snap.asOf,
    };
    if (shap) out.explanation = explanation(model, shap, i, offset, full, options.explain);
    return out;
  });
}

/** SHAP values of the win model, row-major with a bias column last. */
function contributions(model: LoadedModel, rows: readonly Prepared[]): { values: Float32Array; cols: number } {
  const cols = model.columns.length;
  const x = new Float32Array(rows.length * cols);
  rows.forEach((r, i) => x.set(r.row, i * cols));
  const dm = DMatrix.fromFloat32(x, rows.length, cols);
  try {
    return model.win.contributions(dm);
  } finally {
    dm.dispose();
  }
}

function explanation(model: LoadedModel, shap: { values: Float32Array; cols: number }, i: number, offset: number, full: Float64Array, top: number): ForecastOutput['explanation'] {
  const n = model.columns.length;
  const start = i * shap.cols;
  // XGBoost puts its base score in the bias; the served model replaces it by the row's offset
  const baseline = (shap.values[start + n] as number) - model.winBaseMargin + offset;
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => Math.abs(shap.values[start + b] as number) - Math.abs(shap.values[start + a] as number));
  return {
    target: 'home_win_log_odds',
    baseline,
    contributions: order.slice(0, top).map((j) => ({
      feature: model.spec.features[j] as string,
      value: finite(full[model.columns[j] as number] as number),
      contribution: shap.values[start + j] as number,
    })),
  };
}
