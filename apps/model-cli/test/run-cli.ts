// Runs the built `nba-models` binary the way a user does: as a child process, optionally on a
// pseudo-terminal (util-linux `script`) so the confirmation prompt can be answered.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';

export const BIN = path.resolve(__dirname, '..', 'dist', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails clearly when the binary has not been built (the `test` task depends on `build`). */
export function assertBuilt(): void {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: build first with pnpm turbo run build --filter=@nba/model-cli...`);
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `nba-models <args>`. With `tty`, runs it under `script` on a pseudo-terminal and types
 * `answer` once the prompt appears (after `beforeAnswer`, e.g. a change made while the user reads);
 * stdin otherwise is an empty pipe (not a terminal).
 */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    tty?: boolean;
    answer?: string;
    beforeAnswer?: () => Promise<void>;
  } = {},
): Promise<CliResult> {
  const env = inheritedEnv({ LOG_LEVEL: 'warn', NODE_OPTIONS: '', ...options.env });
  const child = options.tty
    ? spawn('script', ['-qec', [process.execPath, BIN, ...args].map(quote).join(' '), '/dev/null'], {
        env,
        cwd: options.cwd,
      })
    : spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd });
  let stdout = '';
  let stderr = '';
  let answered = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (options.tty && !answered && stdout.includes('[y/N]')) {
      answered = true;
      void (options.beforeAnswer ?? (() => Promise.resolve()))().then(() =>
        child.stdin.write(`${options.answer ?? ''}\n`),
      );
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (!options.tty) child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (options.tty) child.stdin.end();
      resolve({ code, stdout: options.tty ? stdout.replace(/\r\n/g, '\n') : stdout, stderr });
    });
  });
}
