import { createInterface } from 'node:readline';
import type { CliDeps } from './context';
import { CliError } from '@nba/cli';

/**
 * Asks `question` on the terminal and resolves true for "y"/"yes". Off a terminal, refuses
 * (USAGE) unless `--yes` was given: a script must say so explicitly.
 */
export async function confirm(
  deps: CliDeps,
  out: NodeJS.WritableStream,
  question: string,
  refusal: string,
): Promise<boolean> {
  if (!deps.isTTY)
    throw new CliError(
      'USAGE',
      `${refusal}: stdin is not a terminal, so nobody can confirm; re-run with --yes to confirm non-interactively`,
    );
  const rl = createInterface({ input: deps.stdin, output: out, terminal: false });
  try {
    out.write(`${question} [y/N] `);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
