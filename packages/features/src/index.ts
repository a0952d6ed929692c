/**
 * @nba/features: leakage-free pre-game features, computed incrementally in date order from plain
 * game records (no database needed). The games and closing lines themselves, and reading them from
 * games.csv/odds.csv, are @nba/games'.
 */
export { FeaturesError, type FeaturesErrorCode } from './errors';
export { ARENAS, TEAM_CODES, haversineKm, type Arena } from './teams';
export { ELO_538, eloDiff, eloProbability, eloShift, eloCarryOver, movMultiplier, type EloParams } from './elo';
export {
  SPREAD_SD,
  americanToProbability,
  devigMoneyline,
  normalCdf,
  spreadProbability,
  marketProbability,
} from './market';
export {
  FEATURE_CODE_VERSION,
  ALL_FEATURES,
  MARKET_FEATURES,
  featureIndex,
  featureSpec,
  assertCompatibleSpec,
  selectInto,
  type FeatureName,
  type FeatureSpec,
  type Variant,
} from './feature-spec';
export {
  FeatureState,
  MAX_REST_DAYS,
  DEFAULT_STATE_OPTIONS,
  dayNumber,
  type LineLookup,
  type FeatureStateOptions,
} from './feature-state';
export { buildFeatures, sortGames, type FeatureRow } from './build-features';
export { RidgeRatings, DEFAULT_RIDGE_OPTIONS, dampMargin, solveSpd, type RidgeOptions } from './ridge-ratings';
export { EWM_ALPHA, EWM_FAST_ALPHA, RATING_CARRY_OVER } from './team-state';
