import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFile } from '@nba/testing';

// Runs the built CLI as separate processes: the behaviour under test is across processes.
const cli = builtFile(path.resolve(__dirname, '..', 'dist', 'cli.js'));
const holder = path.resolve(__dirname, 'fixtures', 'hold-embedded.js');

function hold(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, [holder], { env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`holder did not become ready:\n${out}`)), 90_000);
    child.stdout!.on('data', () => {
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}:\n${out}`)));
  });
  return { child, output: () => out, ready };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

describe('embedded PostgreSQL default', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nba-embedded-'));
  const env = { ...process.env, DATABASE_URL: '', NBA_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  const raceDir = mkdtempSync(path.join(os.tmpdir(), 'nba-embedded-race-'));
  afterAll(() => {
    for (const dir of [dataDir, raceDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('brings up, migrates, and lets a second process find the running server', async () => {
    const port = String(56000 + Math.floor(Math.random() * 1000));
    const first = spawn(process.execPath, [holder], { env: { ...env, EMBEDDED_PORT: port } });
    let out = '';
    first.stdout.on('data', (d: Buffer) => (out += d.toString()));
    first.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`holder did not become ready:\n${out}`)), 60_000);
        first.stdout.on('data', () => {
          if (out.includes('READY')) {
            clearTimeout(timer);
            resolve();
          }
        });
        first.on('exit', (code) => reject(new Error(`holder exited ${code}:\n${out}`)));
      });
      expect(out).toContain('embedded PostgreSQL started');
      const second = spawnSync(process.execPath, [cli, 'migrate'], { env, encoding: 'utf8', timeout: 60_000 });
      expect(second.stderr).toBe('');
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('using the embedded PostgreSQL another process started');
      expect(second.stdout).toContain(`"port":${port}`);
      expect(second.stdout).not.toContain('initialising');
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
  });

  it('starts one server when two processes start at the same moment', async () => {
    const dir = raceDir;
    const port = String(57000 + Math.floor(Math.random() * 1000));
    const both = [0, 1].map(() => hold({ ...process.env, DATABASE_URL: '', NBA_DATA_DIR: dir, LOG_LEVEL: 'info', EMBEDDED_PORT: port }));
    try {
      await Promise.all(both.map((h) => h.ready));
      const started = both.filter((h) => h.output().includes('embedded PostgreSQL started'));
      const found = both.filter((h) => h.output().includes('using the embedded PostgreSQL another process started'));
      expect(started).toHaveLength(1);
      expect(found).toHaveLength(1);
    } finally {
      // The one that found the server first, then the owner.
      for (const h of [...both].sort((a) => (a.output().includes('embedded PostgreSQL started') ? 1 : -1))) await stop(h.child);
    }
  }, 120_000);
});
