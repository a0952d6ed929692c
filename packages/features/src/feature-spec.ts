import { FeaturesError } from './errors';

/** Version of the feature code: bump whenever a feature's definition changes. */
export const FEATURE_CODE_VERSION = '1.1.0';

/** Every feature the state computes, in this order (the order of `FeatureState.featuresFor`). */
export const ALL_FEATURES = [
  'elo_home',
  'elo_away',
  'elo_diff',
  'elo_prob',
  'home_off',
  'home_def',
  'away_off',
  'away_def',
  'home_margin_ewm',
  'away_margin_ewm',
  'margin_ewm_diff',
  'home_margin_fast',
  'away_margin_fast',
  'home_margin_at_home',
  'away_margin_on_road',
  'home_last10',
  'away_last10',
  'home_season_margin',
  'away_season_margin',
  'home_rest',
  'away_rest',
  'home_b2b',
  'away_b2b',
  'home_3in4',
  'away_3in4',
  'home_travel_km',
  'away_travel_km',
  'home_games',
  'away_games',
  'season_progress',
  'is_playoffs',
  'is_playin',
  'is_neutral',
  'league_pts',
  'expected_total',
  'home_adj_off',
  'home_adj_def',
  'away_adj_off',
  'away_adj_def',
  'home_court_pts',
  'rating_margin',
  'rating_total',
  'home_ridge',
  'away_ridge',
  'ridge_home_court',
  'ridge_margin',
  'market_prob',
  'market_spread',
  'market_total',
] as const;

/** Name of one feature. */
export type FeatureName = (typeof ALL_FEATURES)[number];

/** Features that carry the closing line (only the market-aware variant may use them). */
export const MARKET_FEATURES: readonly FeatureName[] = ['market_prob', 'market_spread', 'market_total'];

/** Model variant: `stats` never sees the market, `market` does. */
export type Variant = 'stats' | 'market';

/** A named, versioned list of feature names in model input order; travels with every model. */
export interface FeatureSpec {
  name: string;
  version: string;
  features: readonly FeatureName[];
}

const INDEX: ReadonlyMap<string, number> = new Map(ALL_FEATURES.map((n, i) => [n, i]));

/** Index of a feature in the full vector. */
export function featureIndex(name: FeatureName): number {
  return INDEX.get(name) as number;
}

/** The feature spec of a model variant. */
export function featureSpec(variant: Variant): FeatureSpec {
  const features = variant === 'stats' ? ALL_FEATURES.filter((n) => !MARKET_FEATURES.includes(n)) : [...ALL_FEATURES];
  return { name: `nba-${variant}`, version: FEATURE_CODE_VERSION, features };
}

/** Checks that a stored spec can be computed by this code (same version, known names). */
export function assertCompatibleSpec(spec: FeatureSpec): void {
  if (spec.version !== FEATURE_CODE_VERSION) {
    throw new FeaturesError(
      'SPEC_MISMATCH',
      `feature spec version ${spec.version} != code version ${FEATURE_CODE_VERSION}`,
    );
  }
  for (const n of spec.features) {
    if (!INDEX.has(n)) throw new FeaturesError('SPEC_MISMATCH', `unknown feature ${n}`);
  }
}

/** Picks a spec's features out of full vectors into `out` (row-major), starting at row `row`. */
export function selectInto(full: ArrayLike<number>, spec: FeatureSpec, out: Float32Array, row: number): void {
  const cols = spec.features.length;
  for (let j = 0; j < cols; j++) out[row * cols + j] = full[INDEX.get(spec.features[j] as string) as number] as number;
}
