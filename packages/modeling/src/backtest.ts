import { featureSpec, FEATURE_CODE_VERSION, type LineLookup } from '@nba/features';
import { type GameRecord } from '@nba/games';
import { eloForecast, homeRate, marketForecast } from './baselines';
import { feature, historyDataset, seasonSplit, subset, type Dataset } from './dataset';
import { ModelingError } from './errors';
import { calibrationBins, meanAbsoluteError, scoreForecast } from './metrics';
import { DEFAULT_PARAMS, type ModelParams } from './params';
import { MARKET_GUARDRAIL } from './market-guardrail';
import {
  FORECASTS,
  type BacktestReport,
  type ForecastName,
  type GuardrailSeason,
  type PointErrors,
  type SeasonScores,
} from './report';
import { ServingModel } from './serving-model';
import { trainModel } from './train';
import { retrainCutoff, trainingSetBefore } from './walk-forward';

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  fromSeason: number;
  toSeason: number;
  params?: ModelParams;
  /** How the params were chosen, copied into the report. */
  tuning?: string;
  gitCommit?: string | null;
  /**
   * Retrain every this many days within a season ({@link retrainCutoff}: each window's model learns
   * from every game before the window), as hindcasts do; default once, before the season.
   */
  retrainDays?: number;
  onProgress?: (message: string, meta?: Record<string, unknown>) => void;
  /** Each scored game's forecasts, as they are made (e.g. to compare with stored hindcasts). */
  onForecast?: (forecast: BacktestForecast) => void;
}

/** One game's forecasts in a backtest. */
export interface BacktestForecast {
  /** The game's upstream key (`GameRecord.id`). */
  game: string;
  date: string;
  /** Home-win probabilities of both variants. */
  model_stats: number;
  model_market: number;
}

/** Forecasts and outcomes of scored games, accumulated season by season. */
interface Scored {
  y: number[];
  p: Record<ForecastName, number[]>;
  margin: { actual: number[]; stats: number[]; market: number[]; closing: number[] };
  total: { actual: number[]; stats: number[]; market: number[]; closing: number[] };
}

function emptyScored(): Scored {
  return {
    y: [],
    p: { home: [], elo: [], market: [], model_stats: [], model_market: [] },
    margin: { actual: [], stats: [], market: [], closing: [] },
    total: { actual: [], stats: [], market: [], closing: [] },
  };
}

function points(e: Scored['margin']): PointErrors {
  return {
    n: e.actual.length,
    model_stats: meanAbsoluteError(e.stats, e.actual),
    model_market: meanAbsoluteError(e.market, e.actual),
    closing: meanAbsoluteError(e.closing, e.actual),
  };
}

function scores(s: Scored): SeasonScores {
  const out = {} as Record<ForecastName, ReturnType<typeof scoreForecast>>;
  for (const f of FORECASTS) out[f] = scoreForecast(s.p[f], s.y);
  return { ...out, margin: points(s.margin), total: points(s.total) };
}

function append(into: Scored, from: Scored): void {
  into.y.push(...from.y);
  for (const f of FORECASTS) into.p[f].push(...from.p[f]);
  for (const k of ['margin', 'total'] as const)
    for (const c of ['actual', 'stats', 'market', 'closing'] as const) into[k][c].push(...from[k][c]);
}

/** A season's test games split by training cutoff: every game before the cutoff trains the window's models. */
function seasonWindows(
  ds: Dataset,
  season: number,
  retrainDays: number | undefined,
): { train: Dataset; test: Dataset }[] {
  const { train, test } = seasonSplit(ds, season);
  const first = test.rows[0];
  if (retrainDays === undefined || !first) return [{ train, test }];
  const cutoffs = [...new Set(test.rows.map((r) => retrainCutoff(r.game.date, first.game.date, retrainDays)))];
  return cutoffs.map((cutoff, k) => {
    const next = cutoffs[k + 1];
    return {
      train: trainingSetBefore(ds, cutoff),
      test: subset(test, (r) => r.game.date >= cutoff && (next === undefined || r.game.date < next)),
    };
  });
}

/** Scores one retrain window's games where the market forecast exists (so all forecasts share the games), into `s`. */
function scoreWindow(
  s: Scored,
  { train, test }: { train: Dataset; test: Dataset },
  options: BacktestOptions & { params: ModelParams },
  best: Record<string, number[]>,
): { validationDiff: number; lambda: number } {
  const { params, onProgress } = options;
  const trained = (['stats', 'market'] as const).map((variant) =>
    trainModel(train, variant, { params, ...(onProgress ? { onProgress } : {}) }),
  );
  const [stats, market] = trained.map((m) => ServingModel.fromTrained(m)) as [ServingModel, ServingModel];
  try {
    for (const m of trained)
      for (const [k, v] of Object.entries(m.bestIterations)) (best[`${m.variant}_${k}`] ??= []).push(v);
    const ps = stats.predictRows(test.rows);
    const pm = market.predictRows(test.rows);
    const home = homeRate(train.homeWin);
    test.rows.forEach((r, i) => {
      options.onForecast?.({
        game: r.game.id,
        date: r.game.date,
        model_stats: ps.homeWin[i] as number,
        model_market: pm.homeWin[i] as number,
      });
      const mk = marketForecast(r.values);
      if (Number.isFinite(mk)) {
        s.y.push(test.homeWin[i] as number);
        s.p.home.push(home);
        s.p.elo.push(eloForecast(r.values));
        s.p.market.push(mk);
        s.p.model_stats.push(ps.homeWin[i] as number);
        s.p.model_market.push(pm.homeWin[i] as number);
      }
      const spread = feature(r.values, 'market_spread');
      if (Number.isFinite(spread)) {
        s.margin.actual.push(test.margin[i] as number);
        s.margin.stats.push(ps.margin[i] as number);
        s.margin.market.push(pm.margin[i] as number);
        s.margin.closing.push(-spread);
      }
      const total = feature(r.values, 'market_total');
      if (Number.isFinite(total)) {
        s.total.actual.push(test.total[i] as number);
        s.total.stats.push(ps.total[i] as number);
        s.total.market.push(pm.total[i] as number);
        s.total.closing.push(total);
      }
    });
    const v = (trained[1] as (typeof trained)[number]).validation;
    return { validationDiff: v.logLossWithLine - v.marketLogLoss, lambda: trained[1]?.marketShrink?.lambda ?? NaN };
  } finally {
    stats.dispose();
    market.dispose();
  }
}

/** Scores one season, window by window; the guardrail's validation figures are those of the season's first model. */
function scoreSeason(
  windows: { train: Dataset; test: Dataset }[],
  options: BacktestOptions & { params: ModelParams },
  best: Record<string, number[]>,
): Scored & { validationDiff: number; lambda: number } {
  const s = emptyScored();
  const first = windows.map((w) => scoreWindow(s, w, options, best))[0];
  return Object.assign(s, { validationDiff: first?.validationDiff ?? NaN, lambda: first?.lambda ?? NaN });
}

/** The per-season guardrail table with its worst season (the smallest margin to the bound). */
function guardrailSummary(seasons: Record<string, GuardrailSeason>): BacktestReport['guardrail'] {
  let worstSeason: string | null = null;
  for (const [k, g] of Object.entries(seasons))
    if (worstSeason === null || g.margin < (seasons[worstSeason] as GuardrailSeason).margin) worstSeason = k;
  const worstMargin = worstSeason === null ? NaN : (seasons[worstSeason] as GuardrailSeason).margin;
  return {
    bound: MARKET_GUARDRAIL,
    allOk: Object.values(seasons).every((g) => g.ok),
    worstSeason,
    worstMargin,
    seasons,
  };
}

/**
 * Walk-forward backtest: for each season from `fromSeason` to `toSeason`, trains both variants on
 * every game before the season (or before each `retrainDays` window of it) and predicts the
 * season; scores every forecast on the same games.
 */
export function runBacktest(games: readonly GameRecord[], lines: LineLookup, options: BacktestOptions): BacktestReport {
  const started = Date.now();
  const params = options.params ?? DEFAULT_PARAMS;
  const ds = historyDataset(games, lines);
  const seasons: Record<string, SeasonScores> = {};
  const all = emptyScored();
  const best: Record<string, number[]> = {};
  const guard: Record<string, GuardrailSeason> = {};
  for (let season = options.fromSeason; season <= options.toSeason; season++) {
    const windows = seasonWindows(ds, season, options.retrainDays);
    const games = windows.reduce((n, w) => n + w.test.rows.length, 0);
    if (games === 0) continue;
    options.onProgress?.('backtest season', {
      season,
      train: windows[0]?.train.rows.length,
      test: games,
      models: windows.length,
    });
    const s = scoreSeason(windows, { ...options, params }, best);
    const sc = scores(s);
    seasons[String(season)] = sc;
    const diff = sc.model_market.logLoss - sc.market.logLoss;
    guard[String(season)] = {
      n: sc.market.n,
      modelLogLoss: sc.model_market.logLoss,
      marketLogLoss: sc.market.logLoss,
      diff,
      margin: MARKET_GUARDRAIL - diff,
      ok: diff <= MARKET_GUARDRAIL,
      lambda: s.lambda,
      validationDiff: s.validationDiff,
      refused: s.validationDiff > MARKET_GUARDRAIL,
    };
    append(all, s);
  }
  if (all.y.length === 0)
    throw new ModelingError(
      'NOT_ENOUGH_DATA',
      `no finished games with a market line in seasons ${options.fromSeason}-${options.toSeason}`,
    );
  const calibration = {} as BacktestReport['calibration'];
  for (const f of FORECASTS) calibration[f] = calibrationBins(all.p[f], all.y);
  const meanBest: Record<string, number> = {};
  for (const [k, v] of Object.entries(best)) meanBest[k] = v.reduce((a, b) => a + b, 0) / v.length;
  return {
    seasons,
    overall: scores(all),
    calibration,
    fromSeason: options.fromSeason,
    toSeason: options.toSeason,
    gitCommit: options.gitCommit ?? null,
    featureSpecVersion: FEATURE_CODE_VERSION,
    featureSpecs: { stats: featureSpec('stats').features, market: featureSpec('market').features },
    params,
    bestIterations: meanBest,
    tuning: options.tuning ?? 'default parameters',
    guardrail: guardrailSummary(guard),
    wallTimeMs: Date.now() - started,
    generatedAt: new Date().toISOString(),
  };
}
