import { CodedError } from '@nba/errors';

/** What went wrong, as a closed set an app can switch on. */
export type OrchestratorErrorCode =
  | 'UNKNOWN_DEPENDENCY'
  | 'CYCLE'
  | 'DUPLICATE_TASK'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'LEASE_LOST'
  | 'RUN_NOT_FOUND'
  | 'NOT_RESUMABLE'
  | 'RUN_IN_PROGRESS';

/** The one error class of @nba/orchestrator. `cause` carries the underlying error, if any. */
export class OrchestratorError extends CodedError<OrchestratorErrorCode> {
  override readonly name = 'OrchestratorError';
}

/** True when `error` is an OrchestratorError (optionally with the given code). */
export function isOrchestratorError(error: unknown, code?: OrchestratorErrorCode): error is OrchestratorError {
  return error instanceof OrchestratorError && (code === undefined || error.code === code);
}

/** Turns anything thrown into an Error (tasks may throw strings or plain objects). */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  let text: string;
  try {
    text = JSON.stringify(thrown) ?? String(thrown);
  } catch {
    text = String(thrown);
  }
  return new Error(`non-error thrown: ${text}`, { cause: thrown });
}
