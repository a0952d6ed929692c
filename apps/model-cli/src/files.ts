import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '@nba/cli';

/** Reads a file given on the command line (relative to `cwd`); a clear FAILED error when it cannot. */
export function readInput(file: string, what: string, cwd = process.cwd()): Buffer {
  const full = path.resolve(cwd, file);
  try {
    return readFileSync(full);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new CliError('FAILED', `cannot read the ${what} ${full}: ${reason}`, { cause });
  }
}

/** Reads and parses a JSON file given on the command line. */
export function readJson(file: string, what: string, cwd?: string): unknown {
  const text = readInput(file, what, cwd).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CliError('FAILED', `the ${what} ${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}
