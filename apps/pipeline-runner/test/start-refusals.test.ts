import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';

// `pipeline start` refuses, before any work (no database opened, no pipeline run, nothing
// printed on stdout), a data folder whose embedded database another process runs, and an API port
// another program holds: one line each, by the command lines' exit codes.
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const HOLDER = path.resolve(__dirname, 'fixtures', 'hold-embedded-db.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  env: Record<string, string>,
): { exit: Promise<Exit>; stdout: () => string; kill: () => void } {
  const child = spawn(process.execPath, [file, ...args], {
    env: inheritedEnv({ LOG_LEVEL: 'warn', NODE_OPTIONS: '', ...env }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { exit, stdout: () => stdout + stderr, kill: () => child.kill('SIGTERM') };
}

/** The port the holder prints once it runs the database. */
async function readyPort(holder: ReturnType<typeof run>): Promise<number> {
  let done = false;
  void holder.exit.then(() => (done = true));
  for (let waitedMs = 0; waitedMs < 90_000 && !done; waitedMs += 200) {
    const m = /READY (\d+)/.exec(holder.stdout());
    if (m) return Number(m[1]);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the holder did not become ready: ${holder.stdout()}`);
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm build)`);
});

test('a second start on a data folder whose embedded database another process runs: refused at once, in one line naming it', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nba-start-twice-'));
  const holder = run(HOLDER, [], { NBA_DATA_DIR: dataDir, DATABASE_URL: '' });
  try {
    const port = await readyPort(holder);
    const second = await run(MAIN, ['start', '--no-serve'], { NBA_DATA_DIR: dataDir, DATABASE_URL: '' }).exit;
    expect(second.stdout).toBe(''); // no "database ready", no pipeline
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^pipeline failed: the embedded PostgreSQL in ${dataDir} is already run by pid \\d+ \\(pipeline run\\) on port ${port} since \\S+Z: ` +
          `stop that process first, or set NBA_DATA_DIR to another folder\\n$`,
      ),
    );
  } finally {
    holder.kill();
    await holder.exit;
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

test('start --port P with P taken: refused before any work, naming the port and what to do (usage, exit 2)', async () => {
  const taker = net.createServer();
  await new Promise<void>((resolve) => taker.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = taker.address() as net.AddressInfo;
  try {
    // A database nothing listens on: reaching it would be exit 3; the port is refused first.
    const result = await run(MAIN, ['start', '--port', String(port)], {
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
    }).exit;
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    const [line, blank, usage] = result.stderr.split('\n');
    expect(line).toBe(
      `error: --port ${port}: another program already listens on 127.0.0.1:${port}; stop it, or choose another --port (or --no-serve)`,
    );
    expect(blank).toBe('');
    expect(usage).toMatch(/^Usage: pipeline start/);
  } finally {
    await new Promise((r) => taker.close(r));
  }
});
