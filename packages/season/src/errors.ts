import { CodedError } from '@nba/errors';

/** Closed set of failure codes of @nba/season. */
export type SeasonErrorCode = 'UNKNOWN_TEAM' | 'INVALID_GAME' | 'INVALID_SEASON' | 'INVALID_OPTION';

/** The one error class of @nba/season. */
export class SeasonError extends CodedError<SeasonErrorCode> {
  override readonly name = 'SeasonError';
}
