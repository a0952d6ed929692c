/** Why configuration was refused. */
export type ConfigErrorCode = 'INVALID_ENV' | 'INVALID_DATE' | 'INVALID_SEASON';

/** The one error class of `@nba/config`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
    /** For `INVALID_ENV`: one entry per bad variable. */
    readonly issues: readonly { variable: string; problem: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
