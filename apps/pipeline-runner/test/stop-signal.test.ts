import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';

// A stop signal to a command outside a pipeline run (here a backfill, on the embedded database)
// ends it cleanly: one line, the embedded PostgreSQL stopped (not left running without its owner,
// as the signal's default action did), exit 1; the same command run again finishes the work.
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const ARGS = ['backfill', '--source', 'demo', '--date', '2026-01-15', '--from-season', '2025', '--to-season', '2026'];

/** Pids of the processes whose command line names `dataDir` (the embedded server runs on `<dataDir>/postgres`). */
function serversOf(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `${dataDir}/postgres`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function backfill(dataDir: string) {
  const child = spawn(process.execPath, [MAIN, ...ARGS], {
    env: inheritedEnv({ NBA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', NODE_OPTIONS: '' }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm build)`);
});

test('SIGTERM during a backfill on the embedded database: one line, the server stopped, exit 1; run again, it finishes', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nba-stop-signal-'));
  try {
    const first = backfill(dataDir);
    // after the first season's games, while its lines are being loaded
    while (!first.stdout().includes('"season backfilled"')) {
      if (first.child.exitCode !== null)
        throw new Error(`the backfill ended first: ${first.stdout()}${first.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(serversOf(dataDir)).not.toEqual([]);
    first.child.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 1, signal: null });
    expect(first.stderr()).toMatch(
      /^pipeline stopped by SIGTERM, the database closed; every step is safe to repeat: run the command again to finish\n$/,
    );
    expect(serversOf(dataDir)).toEqual([]);

    const again = backfill(dataDir);
    expect(await again.exit).toEqual({ code: 0, signal: null });
    expect(again.stderr()).toBe('');
    expect(serversOf(dataDir)).toEqual([]);
  } finally {
    for (const pid of serversOf(dataDir)) process.kill(Number(pid), 'SIGKILL'); // left running: the failure above says why
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}, 180_000);
