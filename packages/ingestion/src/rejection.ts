/** A record left out of a batch, and why (the rest of the batch is kept). */
export interface Rejection {
  /** What identifies the record to a human: an upstream id, a game key, a CSV line. */
  record: string;
  reason: string;
}

/** Items of a response that passed validation, and those that did not. */
export interface Validated<T> {
  items: T[];
  rejected: Rejection[];
}

/** Short text of a zod error: the first few issues with their paths. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
