import { CodedError } from '@nba/errors';

/** Every way ingestion can fail; callers branch on `code`, never on messages. */
export type IngestionErrorCode =
  | 'UNAUTHORIZED'
  | 'QUOTA_EXCEEDED'
  | 'BAD_PARAMETER'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'TIMEOUT'
  | 'MALFORMED_RESPONSE'
  | 'RESPONSE_TOO_LARGE'
  | 'UNKNOWN_TEAM'
  | 'NETWORK'
  | 'INVALID_RECORD'
  | 'FILE_UNREADABLE';

/** Codes worth another attempt: the upstream may answer differently next time. */
const RETRYABLE: ReadonlySet<IngestionErrorCode> = new Set(['RATE_LIMITED', 'UPSTREAM_ERROR', 'TIMEOUT', 'NETWORK']);

export interface IngestionErrorDetails {
  /** HTTP status, where there was a response. */
  status?: number;
  /** Milliseconds the upstream asked us to wait (Retry-After). */
  retryAfterMs?: number;
  /** Whether another attempt may succeed; defaults by code. */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * The one error class of @nba/ingestion. Messages and causes never contain API keys: request URLs
 * are reduced to their path before they reach an error.
 */
export class IngestionError extends CodedError<IngestionErrorCode> {
  override readonly name = 'IngestionError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(code: IngestionErrorCode, message: string, details: IngestionErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    this.retryable = details.retryable ?? RETRYABLE.has(code);
  }
}

/** Type guard that also narrows by code. */
export function isIngestionError(e: unknown, code?: IngestionErrorCode): e is IngestionError {
  return e instanceof IngestionError && (code === undefined || e.code === code);
}
