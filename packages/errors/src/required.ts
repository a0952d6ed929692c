/**
 * `value`, known to be there by construction (a map built from the same keys, an index in range):
 * the narrowing that replaces a non-null assertion (`!`, refused by the lint). Where the caller's
 * reasoning was wrong, it throws an `Error` naming `what` instead of running on with undefined.
 * Bad input is not this: it gets the package's own `CodedError`.
 */
export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`internal error: ${what} is missing`);
  return value;
}
