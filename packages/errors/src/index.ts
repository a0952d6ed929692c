/** @nba/errors: the base class of every package's error class, and `required` (instead of `!`). */
export { CodedError } from './coded-error';
export { required } from './required';
