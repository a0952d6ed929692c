// jest's asymmetric matchers are typed `any` (@types/jest), which the type-aware lint refuses to
// put into an expected object (no-unsafe-assignment); these are the same matchers, typed `unknown`.

/** `expect.stringContaining(text)`, typed `unknown`: use it inside `toEqual` / `toMatchObject`. */
export function containing(text: string): unknown {
  return expect.stringContaining(text);
}

/** `expect.stringMatching(pattern)`, typed `unknown`. */
export function matching(pattern: RegExp | string): unknown {
  return expect.stringMatching(pattern);
}

/** `expect.closeTo(value, digits)`, typed `unknown`. */
export function closeTo(value: number, digits?: number): unknown {
  return expect.closeTo(value, digits);
}
