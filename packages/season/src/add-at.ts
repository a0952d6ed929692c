/** A typed array of counts or sums (Int32Array, Float64Array, …). */
export type NumberArray = { [index: number]: number; readonly length: number };

/**
 * Adds `by` to `array[index]`. The simulation's indices are in range by construction, where a
 * typed array always holds a number: the `?? 0` only tells the type checker so (an index out of
 * range stays ignored, as a typed array ignores such a write).
 */
export function addAt(array: NumberArray, index: number, by: number): void {
  array[index] = (array[index] ?? 0) + by;
}

/** Adds one to `array[index]` (a count; see {@link addAt}). */
export function incrementAt(array: NumberArray, index: number): void {
  array[index] = (array[index] ?? 0) + 1;
}
