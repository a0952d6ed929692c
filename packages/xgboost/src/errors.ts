import { CodedError } from '@nba/errors';

/** Closed set of failure kinds raised by this package. */
export type XGBoostErrorCode =
  'LIBRARY_NOT_FOUND' | 'CALL_FAILED' | 'INVALID_PARAMETER' | 'INVALID_ARGUMENT' | 'DISPOSED';

/** The one error class of `@nba/xgboost`; `CALL_FAILED` carries XGBoost's own message. */
export class XGBoostError extends CodedError<XGBoostErrorCode> {
  override readonly name = 'XGBoostError';
}
