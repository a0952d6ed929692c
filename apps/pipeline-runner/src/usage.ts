/** Exit codes for a Kubernetes Job: 0 ok, 1 a required task failed, 2 bad usage, 3 the database cannot be used (as in the other apps). */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, DATABASE: 3 } as const;

/** Thrown by commands for bad arguments that commander cannot catch itself (e.g. a bad date); shown with that command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
