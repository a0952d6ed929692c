import { XGBoostError } from '../src/errors';

/** Asserts that `fn` throws an XGBoostError with `code` and a message matching `message`. */
export function expectXGBoostError(fn: () => unknown, code: XGBoostError['code'], message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(XGBoostError);
  expect((thrown as XGBoostError).code).toBe(code);
  expect((thrown as XGBoostError).message).toMatch(message);
}
