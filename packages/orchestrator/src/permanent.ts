import { failureLine } from './database-retry';
import { toError } from './orchestrator-error';

/** How deep the `cause` chain is searched (guards against a cycle of causes). */
const MAX_CAUSES = 10;

/**
 * The convention: an error whose `retryable` property is `false` is permanent, and the
 * orchestrator fails its task at once instead of retrying. It is duck-typed so that packages the
 * orchestrator must not depend on (e.g. `IngestionError` of @nba/ingestion) take part by merely
 * carrying the property. The error and its `cause` chain are searched outwards-in: the first
 * boolean `retryable` decides, so wrapping a permanent error keeps it permanent unless the wrapper
 * says otherwise.
 */
export function isPermanent(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && typeof e === 'object' && e !== null; depth++) {
    const retryable = (e as { retryable?: unknown }).retryable;
    if (typeof retryable === 'boolean') return !retryable;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Marks an error as permanent (sets `retryable: false`) and returns it, for `throw permanent(e)`
 * in a task whose failure another attempt cannot fix (a missing file, a bad argument). A thrown
 * non-error is turned into an Error first; a frozen error is wrapped, keeping it as the cause.
 */
export function permanent(error: unknown): Error {
  const e = toError(error);
  if (Object.isExtensible(e) || Object.prototype.hasOwnProperty.call(e, 'retryable')) {
    try {
      Object.defineProperty(e, 'retryable', { value: false, enumerable: true, configurable: true, writable: true });
      return e;
    } catch {
      // A non-configurable `retryable`: fall through to wrapping.
    }
  }
  return Object.assign(new Error(e.message, { cause: e }), { retryable: false });
}

/** The outcome's reason for a task that stopped on a permanent error. */
export function permanentReason(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const label = typeof code === 'string' && code !== '' ? ` (${code})` : '';
  return `permanent failure${label}, not retried: ${failureLine(error).split('\n')[0] ?? ''}`;
}
