import { CodedError } from '@nba/errors';

/** Why a request failed; the one place codes map to HTTP status is {@link STATUS_OF}. */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NO_PRODUCTION_MODEL'
  | 'MODEL_LOAD_FAILED'
  | 'NOT_READY'
  | 'SHUTTING_DOWN'
  | 'DATABASE_UNAVAILABLE'
  | 'OVERLOADED'
  | 'INTERNAL';

/** HTTP status of each error code. */
export const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = Object.freeze({
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NO_PRODUCTION_MODEL: 503,
  MODEL_LOAD_FAILED: 503,
  NOT_READY: 503,
  SHUTTING_DOWN: 503,
  DATABASE_UNAVAILABLE: 503,
  OVERLOADED: 503,
  INTERNAL: 500,
});

/** One problem with the input: which field (dotted path, e.g. `matchups.3.home`) and what is wrong. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** The error body every failing endpoint returns. */
export interface ErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Present for validation errors: every bad field. */
    details?: FieldProblem[];
    requestId?: string;
  };
}

/** The one error class of the API: a code (mapped to a status), a client-safe message and optional details. */
export class ApiError extends CodedError<ApiErrorCode> {
  override readonly name = 'ApiError';
  constructor(
    code: ApiErrorCode,
    message: string,
    readonly details?: FieldProblem[],
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return STATUS_OF[this.code];
  }

  /** A validation error naming each bad field. */
  static validation(details: FieldProblem[]): ApiError {
    const summary = details.map((d) => `${d.field}: ${d.problem}`).join('; ');
    return new ApiError('VALIDATION_FAILED', `invalid request: ${summary}`, details);
  }

  /** The JSON body of this error (never a stack trace or a cause). */
  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}
