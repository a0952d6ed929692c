import { CodedError } from '@nba/errors';

/** Closed set of failure codes of @nba/features. */
export type FeaturesErrorCode = 'OUT_OF_ORDER' | 'UNKNOWN_TEAM' | 'INVALID_GAME' | 'SPEC_MISMATCH';

/** The one error class of @nba/features. */
export class FeaturesError extends CodedError<FeaturesErrorCode> {
  override readonly name = 'FeaturesError';
}
