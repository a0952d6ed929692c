import { CodedError } from '@nba/errors';

/** Why a command gave up: bad usage (exit 2, shown with the command's usage), a declined confirmation or a failed step (exit 1). */
export type CliErrorCode = 'USAGE' | 'ABORTED' | 'FAILED';

/** The one error class of the command lines. */
export class CliError extends CodedError<CliErrorCode> {
  override readonly name = 'CliError';
}
