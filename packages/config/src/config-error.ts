import { CodedError } from '@nba/errors';

/** Why configuration was refused. */
export type ConfigErrorCode = 'INVALID_ENV' | 'INVALID_DATE' | 'INVALID_SEASON';

/** The one error class of `@nba/config`. */
export class ConfigError extends CodedError<ConfigErrorCode> {
  override readonly name = 'ConfigError';
  constructor(
    code: ConfigErrorCode,
    message: string,
    /** For `INVALID_ENV`: one entry per bad variable. */
    readonly issues: readonly { variable: string; problem: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
