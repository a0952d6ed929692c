import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// closeOnStopSignals in a real process, stopped by real signals.
const HOLDER = path.join(__dirname, 'fixtures', 'hold-until-signal.js');

function holder(args: string[] = []) {
  const child = spawn(process.execPath, [HOLDER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const ready = async () => {
    while (!stdout.includes('READY')) await new Promise((r) => setTimeout(r, 20));
  };
  return { child, exit, ready, stdout: () => stdout, stderr: () => stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(__dirname, '..', 'dist', 'index.js'))) throw new Error('build first (pnpm build)');
});

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s: one line, the resource closed, exit 1 (not killed by the signal)',
  async (signal) => {
    const h = holder();
    await h.ready();
    h.child.kill(signal);
    expect(await h.exit).toEqual({ code: 1, signal: null });
    expect(h.stderr()).toBe(`holder stopped by ${signal}, the resource closed\n`);
    expect(h.stdout()).toBe('READY\nclosed\n');
  },
);

test('a signal another listener handles (a run in progress) is left to it; a second one exits at once', async () => {
  const h = holder(['--run']);
  await h.ready();
  h.child.kill('SIGTERM');
  while (!h.stdout().includes('run cancelled')) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 300));
  expect(h.child.exitCode).toBeNull(); // still running: the run decides
  expect(h.stderr()).toBe('');
  h.child.kill('SIGTERM');
  expect(await h.exit).toEqual({ code: 1, signal: null });
  expect(h.stdout()).not.toContain('closed');
});
