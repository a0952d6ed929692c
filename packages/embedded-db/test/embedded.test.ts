import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { inheritedEnv } from '@nba/config';
import { required } from '@nba/errors';
import { builtFile } from '@nba/testing';

// Runs the built CLI and a holder as separate processes: the behaviour under test is across processes.
const cli = builtFile(path.resolve(__dirname, '..', 'dist', 'cli.js'));
const holder = path.resolve(__dirname, 'fixtures', 'hold-embedded.js');

interface Held {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the port once the holder has the database open. */
  ready: Promise<number>;
  /** Resolves with the exit code once the holder has exited and its output is all read. */
  exited: Promise<number | null>;
}

function hold(dataDir: string, extra: NodeJS.ProcessEnv = {}): Held {
  const child = spawn(process.execPath, [holder], {
    env: inheritedEnv({ DATABASE_URL: '', NBA_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra }),
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`holder did not become ready:\n${out}`)), 90_000);
    child.stdout.on('data', () => {
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer); // a holder that exits without READY (refused) must not keep jest waiting
      reject(new Error(`holder exited ${code}:\n${out}`));
    });
  });
  ready.catch(() => undefined); // awaited by the tests that expect it
  return { child, output: () => out, ready, exited };
}

async function stop(h: Held): Promise<void> {
  if (h.child.exitCode !== null || h.child.signalCode !== null) return;
  h.child.kill('SIGTERM');
  await h.exited;
}

/** Tells a holder that still holds the database to close it as an app does; resolves with its exit code. */
async function release(h: Held): Promise<number | null> {
  expect(h.child.exitCode).toBeNull(); // held until told, not gone by itself
  await stop(h);
  return h.exited;
}

/**
 * Whether the server of `dataDir` answers on the port (the test's own connection, not a holder's). Other
 * tests running at the same time start embedded servers too, and one may take a port this test's server
 * has just freed: a server of another folder on the port is not this folder's.
 */
async function answers(port: number, dataDir: string): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'nba',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return (
      realpathSync(required(rows[0], 'the data_directory row').dir) === realpathSync(path.join(dataDir, 'postgres'))
    );
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits until `check` holds; fails after `ms`, with what the holder printed (`output`). */
async function until(check: () => boolean | Promise<boolean>, output: () => string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so after ${ms / 1000} s; the holder printed:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('embedded PostgreSQL default', () => {
  const dirs: string[] = [];
  const newDir = (name: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `nba-embedded-${name}-`));
    dirs.push(dir);
    return dir;
  };
  const held: Held[] = [];
  const start = (dataDir: string, extra?: NodeJS.ProcessEnv) => {
    const h = hold(dataDir, extra);
    held.push(h);
    return h;
  };
  afterEach(async () => {
    // all at once: an owner waits for its users, and which holder owns is not always known (two starting at once)
    await Promise.all(held.map(stop));
    held.length = 0;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('brings up, migrates, and lets a second process use the running server without stopping it', async () => {
    const dataDir = newDir('main');
    const first = start(dataDir);
    const port = await first.ready;
    expect(first.output()).toContain('embedded PostgreSQL started');
    const second = spawnSync(process.execPath, [cli, 'migrate'], {
      env: inheritedEnv({ DATABASE_URL: '', NBA_DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('using the embedded PostgreSQL another process runs');
    expect(second.stdout).toContain(`"port":${port}`);
    expect(second.stdout).not.toContain('initialising');
    expect(await answers(port, dataDir)).toBe(true); // the user left it running for its owner
  }, 120_000);

  it('starts one server when two processes start at the same moment', async () => {
    const dir = newDir('race');
    const both = [start(dir), start(dir)];
    const ports = await Promise.all(both.map((h) => h.ready));
    expect(ports[0]).toBe(ports[1]);
    expect(both.filter((h) => h.output().includes('embedded PostgreSQL started'))).toHaveLength(1);
    expect(both.filter((h) => h.output().includes('using the embedded PostgreSQL another process runs'))).toHaveLength(
      1,
    );
  }, 120_000);

  it('refuses a second exclusive start at once, in one line naming the running one', async () => {
    const dataDir = newDir('exclusive');
    const owner = start(dataDir);
    const port = await owner.ready;
    const second = spawnSync(process.execPath, [holder], {
      env: inheritedEnv({ DATABASE_URL: '', NBA_DATA_DIR: dataDir, LOG_LEVEL: 'info', EMBEDDED_EXCLUSIVE: '1' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^the embedded PostgreSQL in ${dataDir} is already run by pid ${owner.child.pid} \\(holder\\) on port ${port} since \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z: ` +
          `stop that process first, or set NBA_DATA_DIR to another folder\\n$`,
      ),
    );
    expect(await answers(port, dataDir)).toBe(true);
  }, 120_000);

  it('never stops the server under a process still using it: the owner waits for it', async () => {
    const dataDir = newDir('wait');
    const owner = start(dataDir);
    const port = await owner.ready;
    const user = start(dataDir);
    await user.ready;
    owner.child.kill('SIGTERM');
    await until(
      () => owner.output().includes('waiting for the processes using the embedded PostgreSQL to finish'),
      owner.output,
    );
    expect(owner.output()).toContain(`pid ${user.child.pid} (holder)`);
    expect(owner.child.exitCode).toBeNull();
    expect(await answers(port, dataDir)).toBe(true);
    expect(await release(user)).toBe(0);
    expect(await owner.exited).toBe(0);
    expect(await answers(port, dataDir)).toBe(false); // then it stopped it
  }, 120_000);

  // One folder for both SIGKILL cases (one initdb).
  let killedDir = '';

  it('a SIGKILLed owner: the process still using its server takes it over, and stops it when done', async () => {
    killedDir ||= newDir('killed');
    const owner = start(killedDir);
    const port = await owner.ready;
    const user = start(killedDir);
    await user.ready;
    owner.child.kill('SIGKILL');
    await owner.exited;
    await until(
      () => user.output().includes('the owner of the embedded PostgreSQL is gone; this process owns it now'),
      user.output,
    );
    expect(await answers(port, killedDir)).toBe(true); // never stopped under its user
    const another = start(killedDir, { EMBEDDED_EXCLUSIVE: '1' });
    await another.exited;
    expect(another.output()).toContain(`is already run by pid ${user.child.pid} (holder) on port ${port}`);
    expect(await release(user)).toBe(0);
    expect(await answers(port, killedDir)).toBe(false);
  }, 120_000);

  it('a SIGKILLed owner alone: its lock dies with it, and the next start adopts the server it left', async () => {
    killedDir ||= newDir('killed');
    const owner = start(killedDir);
    const port = await owner.ready;
    owner.child.kill('SIGKILL');
    await owner.exited;
    expect(await answers(port, killedDir)).toBe(true); // its server outlives it
    const next = start(killedDir, { EMBEDDED_EXCLUSIVE: '1' });
    expect(await next.ready).toBe(port);
    expect(next.output()).toContain('adopting the embedded PostgreSQL its previous owner left running');
    expect(await release(next)).toBe(0);
    expect(await answers(port, killedDir)).toBe(false);
  }, 120_000);

  it('an owner that adopted the server and exits without stop() stops it, as it would a server it started', async () => {
    killedDir ||= newDir('killed');
    const owner = start(killedDir);
    const port = await owner.ready;
    owner.child.kill('SIGKILL');
    await owner.exited;
    const leaving = start(killedDir, { EMBEDDED_LEAVE: '1' });
    expect(await leaving.ready).toBe(port);
    expect(await leaving.exited).toBe(0);
    expect(leaving.output()).toContain('adopting the embedded PostgreSQL its previous owner left running');
    await until(async () => !(await answers(port, killedDir)), leaving.output); // not left running for nobody
  }, 120_000);

  it('gives each data folder its own port, recorded and reused, so two run side by side', async () => {
    const [a, b] = [newDir('side-a'), newDir('side-b')];
    const [first, second] = [start(a), start(b)];
    const ports = await Promise.all([first.ready, second.ready]);
    expect(ports[0]).not.toBe(ports[1]);
    for (const [i, port] of ports.entries()) expect(await answers(port, required([a, b][i], 'the folder'))).toBe(true);
    expect(Number(readFileSync(path.join(a, 'postgres.port'), 'utf8'))).toBe(ports[0]);
    expect(Number(readFileSync(path.join(b, 'postgres.port'), 'utf8'))).toBe(ports[1]);
    expect(await release(second)).toBe(0);
    const again = start(b);
    expect(await again.ready).toBe(ports[1]);
  }, 180_000);
});
