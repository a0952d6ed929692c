import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { parseIsoDate } from '@nba/config';

// Option parsers every binary shares: commander runs them while parsing, so a bad argument is a
// usage error (exit 2, with the command's usage) before any file is read or a database is opened.

/** Runs a check that throws, turning its message into commander's "argument is invalid". */
export function checkedOption<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** A date option: a calendar date within the dates the system supports. */
export function isoDate(value: string): string {
  return checkedOption(() => {
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

/** An input file option (relative to `cwd`): it must be a readable file. */
export function readableFile(cwd: string) {
  return (value: string): string => {
    const file = path.resolve(cwd, value);
    let reason: string | undefined;
    try {
      if (!statSync(file).isFile()) reason = 'not a file';
      else accessSync(file, constants.R_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    }
    if (reason) throw new InvalidArgumentError(`cannot read '${value}' (${reason})`);
    return file;
  };
}

/** An output file option (relative to `cwd`): its folder must exist (checked before the work that produces the file). */
export function outputFile(cwd: string) {
  return (value: string): string => {
    const file = path.resolve(cwd, value);
    if (!existsSync(path.dirname(file)))
      throw new InvalidArgumentError(`the folder ${path.dirname(file)} does not exist`);
    return file;
  };
}
