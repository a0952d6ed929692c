/** @nba/errors: the base class of every package's error class. */
export { CodedError } from './coded-error';
