import { accessSync, constants, statSync } from 'node:fs';
import { parseIsoDate } from '@nba/config';
import { assertModelName } from '@nba/registry';
import { easternToday } from './runtime';
import { CliError } from '@nba/cli';

// Checks of command arguments that commander cannot make itself. Each runs before any work (no
// database, no upstream) and throws a usage error (`CliError('USAGE')`) naming the option and the value.

/** `--date` (default: today, US Eastern), checked against the dates the system supports. */
export function checkedDate(value: string | undefined, option = '--date'): string {
  const date = value ?? easternToday();
  try {
    parseIsoDate(date);
  } catch (e) {
    throw new CliError('USAGE', `${option}: ${(e as Error).message}`);
  }
  return date;
}

/** A file option that must name a readable file. */
export function assertReadableFile(option: string, file: string): void {
  try {
    if (!statSync(file).isFile()) throw new CliError('USAGE', `${option}: '${file}' is not a file`);
    accessSync(file, constants.R_OK);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      'USAGE',
      `${option}: cannot read '${file}' (${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable')})`,
    );
  }
}

/** `--model-name`: what the registry accepts as a model name. */
export function assertModelNameOption(name: string): void {
  try {
    assertModelName(name);
  } catch (e) {
    throw new CliError('USAGE', `--model-name: ${(e as Error).message}`);
  }
}
