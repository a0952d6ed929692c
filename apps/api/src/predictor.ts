import { seasonOfDate } from '@nba/config';
import { featureIndex, type Matchup } from '@nba/features';
import { blendWin, marginOffset, totalOffset, winOffset } from '@nba/modeling';
import type { Booster } from '@nba/xgboost';
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
  /** Starting log-odds of the win booster (rating or market). */
  offset: number;
  /** Starting margin of the margin booster. */
  marginStart: number;
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
    return { matchup, full, row, offset: winOffset(full, model.variant), marginStart: marginOffset(full, model.variant), hasLine: upcoming !== undefined };
  });
  const blend = model.marginToWin && model.marginToWin.weight !== 0 ? model.marginToWin : undefined;
  const shap = options.explain > 0 ? { win: contributions(model.win, cols, prepared), margin: blend ? contributions(model.margin, cols, prepared) : undefined } : undefined;
  return prepared.map((p, i) => {
    const { matchup, full, row, offset } = p;
    const margin = model.margin.predictRow(row) + p.marginStart;
    const homeWin = blendWin(sigmoid(model.win.predictRow(row, { outputMargin: true }) - model.winBaseMargin + offset), margin, model.marginToWin);
    const total = model.total.predictRow(row) + totalOffset(full, model.variant, model.totalFallback);
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
    if (shap) out.explanation = explanation(model, shap, i, p, options.explain);
    return out;
  });
}

type Shap = { values: Float32Array; cols: number };

/** SHAP values of a booster for every row, row-major with a bias column last. */
function contributions(booster: Booster, cols: number, rows: readonly Prepared[]): Shap {
  const x = new Float32Array(rows.length * cols);
  rows.forEach((r, i) => x.set(r.row, i * cols));
  const dm = DMatrix.fromFloat32(x, rows.length, cols);
  try {
    return booster.contributions(dm);
  } finally {
    dm.dispose();
  }
}

/**
 * The forecast's log-odds split by feature. The served log-odds are
 * `(1 - w) * (win booster + offset) + w * (a + b * (margin booster + margin start))` (w = 0 without a
 * blend), so each feature's share is `(1 - w) * φ_win + w * b * φ_margin` and the rest is the
 * baseline: the shares and the baseline add up to the forecast's log-odds exactly.
 */
function explanation(model: LoadedModel, shap: { win: Shap; margin: Shap | undefined }, i: number, p: Prepared, top: number): ForecastOutput['explanation'] {
  const n = model.columns.length;
  const blend = shap.margin ? model.marginToWin : undefined;
  const w = blend?.weight ?? 0;
  const b = blend?.slope ?? 0;
  const ws = i * shap.win.cols;
  const ms = i * (shap.margin?.cols ?? 0);
  const share = new Float64Array(n);
  for (let j = 0; j < n; j++) share[j] = (1 - w) * (shap.win.values[ws + j] as number) + (shap.margin ? w * b * (shap.margin.values[ms + j] as number) : 0);
  // XGBoost puts its base score in the bias; the served win model replaces it by the row's offset
  let baseline = (1 - w) * ((shap.win.values[ws + n] as number) - model.winBaseMargin + p.offset);
  if (blend && shap.margin) baseline += w * (blend.intercept + b * ((shap.margin.values[ms + n] as number) + p.marginStart));
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => Math.abs(share[y] as number) - Math.abs(share[x] as number));
  return {
    target: 'home_win_log_odds',
    baseline,
    contributions: order.slice(0, top).map((j) => ({
      feature: model.spec.features[j] as string,
      value: finite(p.full[model.columns[j] as number] as number),
      contribution: share[j] as number,
    })),
  };
}
