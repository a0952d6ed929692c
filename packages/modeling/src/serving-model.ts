import { featureIndex, type FeatureSpec, type FeatureState, type Variant } from '@nba/features';
import { type ClosingLine, type Matchup } from '@nba/games';
import type { Booster } from '@nba/xgboost';
import { baseScoreMargin } from './base-margin';
import { marketForecast, winOffset } from './baselines';
import { ModelingError } from './errors';
import { explainRows, type Explanation } from './explanation';
import { combine, forecastRows, type Forecast, type ForecastParts, type Forecasts } from './forecast';
import type { MarginToWin } from './margin-blend';
import type { MarketShrink } from './market-shrink';
import { fromRegistration, type ModelArtifacts } from './registration';
import { disposeModel, type TrainedModel } from './train';

/** The forecast of one matchup, with what it was computed from. */
export interface MatchupForecast extends Forecast {
  /** Market home probability from the line given (NaN without one). */
  marketProbability: number;
  /** The full feature vector used (order `ALL_FEATURES`). */
  features: Float64Array;
}

/** What a registry keeps of a model version besides its artifacts (`toRegistration` wrote it). */
export interface RegisteredModel {
  /** `params` as registered: the bundle without its boosters. */
  params: unknown;
  /** The feature spec registered with the version; checked against the bundle's when given. */
  featureSpec?: { features: readonly string[]; version: string };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Checks a loaded booster against the spec and prepares it for single-row serving. */
function prepareBooster(booster: Booster, role: string, spec: FeatureSpec): void {
  if (booster.numFeatures !== spec.features.length) {
    throw new Error(
      `its ${role} model has ${booster.numFeatures} features but the feature spec lists ${spec.features.length}`,
    );
  }
  const names = booster.featureNames;
  if (names && names.join('\u0000') !== spec.features.join('\u0000'))
    throw new Error(`its ${role} model's feature names differ from the feature spec`);
  // one row at a time gains nothing from threads, and OpenMP hand-offs cost milliseconds on a
  // busy 2-core machine (measured: 350-4700 µs per row with 2 threads, 20-30 µs with 1)
  booster.setParams({ nthread: 1 });
  // a row of missing values must give a finite answer, or the model is unusable
  const probe = booster.predictRow(new Float32Array(spec.features.length).fill(NaN), { outputMargin: true });
  if (!Number.isFinite(probe)) throw new Error(`its ${role} model predicts ${probe} for an empty row`);
  // names checked; without them XGBoost skips copying 40-odd strings on every SHAP call
  booster.featureNames = undefined;
}

/**
 * A model ready to forecast: the one place the win, margin and total boosters, their offsets and
 * the margin blend are combined (the API, the daily pipeline and backtests all forecast through
 * it). One matchup goes through XGBoost's in-place single-row path, many rows through a DMatrix;
 * both give the same forecast. Owns its boosters: `dispose()` frees them.
 */
export class ServingModel {
  /** `market` models start from the market's line where one exists (see `winOffset`). */
  readonly variant: Variant;
  readonly spec: FeatureSpec;
  /** Blend of the win booster with the margin-derived probability (absent: win booster alone). */
  readonly marginToWin: MarginToWin | undefined;
  /** Pull toward the market (absent: none). */
  readonly marketShrink: MarketShrink | undefined;
  private readonly parts: ForecastParts;
  /** Index in the full feature vector of each model column. */
  private readonly columns: Int32Array;
  /** One row of model columns (forecasts are synchronous, so one buffer serves every call). */
  private readonly row: Float32Array;
  private winBase: number | undefined;

  private constructor(parts: ForecastParts, winBaseMargin: number | undefined) {
    this.parts = parts;
    this.variant = parts.variant;
    this.spec = parts.spec;
    this.marginToWin = parts.marginToWin;
    this.marketShrink = parts.marketShrink;
    this.columns = Int32Array.from(parts.spec.features, (f) => featureIndex(f));
    this.row = new Float32Array(this.columns.length);
    this.winBase = winBaseMargin;
  }

  /**
   * Loads a registered version as `toRegistration` wrote it: the bundle rebuilt (its feature spec
   * checked against this build's feature code), the registered spec compared with the bundle's,
   * and each booster checked against the spec, probed and prepared for single rows. Throws
   * `ModelingError('INVALID_MODEL')` naming what does not fit.
   */
  static fromRegistration(registered: RegisteredModel, artifacts: ModelArtifacts): ServingModel {
    const trained = fromRegistration(registered.params, artifacts);
    try {
      const spec = trained.spec;
      const expected = registered.featureSpec;
      if (
        expected &&
        (expected.features.join('\u0000') !== spec.features.join('\u0000') || expected.version !== spec.version)
      ) {
        throw new Error('the registered feature spec differs from the one in its bundle');
      }
      prepareBooster(trained.win, 'win', spec);
      prepareBooster(trained.margin, 'margin', spec);
      prepareBooster(trained.total, 'total', spec);
      return new ServingModel(trained, baseScoreMargin(artifacts.win));
    } catch (err) {
      disposeModel(trained);
      throw new ModelingError('INVALID_MODEL', (err as Error).message, { cause: err });
    }
  }

  /**
   * Forecasts with a model just trained. The serving model takes over its boosters (dispose one of
   * the two, not both; disposing is idempotent) and leaves them as they are, so the trained model
   * can still be registered.
   */
  static fromTrained(model: TrainedModel): ServingModel {
    return new ServingModel(model, undefined);
  }

  /**
   * Forecasts HOME vs AWAY on a date after the state's last day, from the state as it stands (the
   * state is not changed), through the single-row path. The market variant uses `line` when given
   * (missing values stay missing).
   */
  predictMatchup(state: FeatureState, matchup: Matchup, line?: ClosingLine): MatchupForecast {
    const features = state.featuresFor(matchup, line);
    const { parts, row, columns } = this;
    for (let j = 0; j < columns.length; j++) row[j] = features[columns[j] as number] as number;
    const pWin = sigmoid(
      parts.win.predictRow(row, { outputMargin: true }) - this.winBaseMargin() + winOffset(features, parts.variant),
    );
    const forecast = combine(parts, features, pWin, parts.margin.predictRow(row), parts.total.predictRow(row));
    return { ...forecast, marketProbability: marketForecast(features), features };
  }

  /** Forecasts of full feature vectors (order `ALL_FEATURES`), through one DMatrix. */
  predictRows(rows: readonly { values: Float64Array }[]): Forecasts {
    return forecastRows(this.parts, rows);
  }

  /**
   * The `top` largest SHAP contributions to the home-win log-odds of each full feature vector
   * (from `predictMatchup`'s `features`); with the baseline they add up to the forecast's log-odds.
   */
  explain(features: readonly Float64Array[], top: number): Explanation[] {
    return explainRows(this.parts, this.winBaseMargin(), features, top);
  }

  /** Frees the native boosters. */
  dispose(): void {
    disposeModel(this.parts);
  }

  /** The win booster's own starting margin (logit of base_score), which each row's offset replaces. */
  private winBaseMargin(): number {
    this.winBase ??= baseScoreMargin(this.parts.win.toJSON());
    return this.winBase;
  }
}
