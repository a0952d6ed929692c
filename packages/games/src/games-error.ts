import { CodedError } from '@nba/errors';

/** Every way reading games and lines can fail: text that is not CSV, a row that does not map, a team name nobody uses. */
export type GamesErrorCode = 'INVALID_CSV' | 'INVALID_ROW' | 'UNKNOWN_TEAM';

/** The one error class of @nba/games. */
export class GamesError extends CodedError<GamesErrorCode> {
  override readonly name = 'GamesError';
}
