import { CodedError } from '@nba/errors';

/** Closed set of failure codes of @nba/modeling. */
export type ModelingErrorCode = 'NOT_ENOUGH_DATA' | 'INVALID_MODEL' | 'INVALID_INPUT';

/** The one error class of @nba/modeling. */
export class ModelingError extends CodedError<ModelingErrorCode> {
  override readonly name = 'ModelingError';
}
