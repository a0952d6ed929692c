/** Closed set of failure codes of @nba/modeling. */
export type ModelingErrorCode = 'NOT_ENOUGH_DATA' | 'INVALID_MODEL' | 'INVALID_INPUT' | 'TRAINING_FAILED';

/** The one error class of @nba/modeling. */
export class ModelingError extends Error {
  override readonly name = 'ModelingError';
  constructor(
    readonly code: ModelingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
