import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { parseIsoDate } from '@nba/config';
import { assertModelName, isSemver, type ModelRef } from '@nba/registry';

// Option parsers: commander runs them while parsing, so a bad argument is a usage error (exit 2,
// with the command's usage) before any file is read or the database is opened.

/** Runs a check that throws, turning its message into commander's "argument is invalid". */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `--name`: a model name the registry accepts. */
export function modelName(value: string): string {
  return checked(() => {
    assertModelName(value);
    return value;
  });
}

/** `--version`: a semantic version. */
export function semver(value: string): string {
  if (!isSemver(value)) throw new InvalidArgumentError(`'${value}' is not a semantic version; use MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.1.0-rc.1`);
  return value;
}

/** A date option: a calendar date within the dates the system supports. */
export function isoDate(value: string): string {
  return checked(() => {
    parseIsoDate(value);
    return value;
  });
}

/** A count option: a whole number of 0 or more. */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number');
  return n;
}

/** `--model1`/`--model2` after `parseRef` split them: a valid name and a semantic version. */
export function validRef(ref: ModelRef): ModelRef {
  return { name: modelName(ref.name), version: semver(ref.version) };
}

/** An output file option: its folder must exist (checked before the work that produces the file). */
export function outputFile(cwd: string) {
  return (value: string): string => {
    const file = path.resolve(cwd, value);
    if (!existsSync(path.dirname(file))) throw new InvalidArgumentError(`the folder ${path.dirname(file)} does not exist`);
    return file;
  };
}
