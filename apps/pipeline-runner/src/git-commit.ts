import { execFileSync } from 'node:child_process';

/** The commit of the working tree this runs from, recorded with models and reports; undefined outside git. */
export function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
