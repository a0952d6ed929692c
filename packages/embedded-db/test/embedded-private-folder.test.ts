import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { required } from '@nba/errors';
import type { Logger } from '@nba/logging';
import { startEmbeddedPostgres } from '../src';
import { packagedBinaries } from '../src/postgres-binaries';
import { copyOnce } from '../src/reachable-binaries';
import { serverUser } from '../src/server-user';

interface Line {
  message: string;
  meta?: Record<string, unknown>;
}
function captureLogger(lines: Line[]): Logger {
  const log = (message: string, meta?: Record<string, unknown>) => lines.push({ message, ...(meta ? { meta } : {}) });
  return { error: log, warn: log, info: log, debug: () => undefined, child: () => captureLogger(lines) };
}

/** The error `promise` rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as Error,
  );
}

async function selectOne(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return required((await client.query<{ one: number }>('SELECT 1 AS one')).rows[0], 'the row of SELECT 1').one;
  } finally {
    await client.end();
  }
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

/**
 * The README's first command from a clone in root's home: the binaries' real path is under a
 * 0700 folder, where the `postgres` user the server runs as (as root) cannot reach them. The
 * binaries are placed there as real files (a symlink into /work would not reproduce it).
 */
describe('the embedded PostgreSQL with its binaries in a private (0700) folder', () => {
  const privateDir = mkdtempSync(path.join(os.tmpdir(), 'nba-private-clone-'));
  const binariesDir = path.join(privateDir, 'node_modules', 'native');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nba-private-data-'));
  // No fixed port: the folder gets its own free one (deterministic, unlike a random pick that
  // another program may hold); the port-taken case borrows the port of a server this test runs.

  beforeAll(() => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    mkdirSync(path.dirname(binariesDir));
    cpSync(packagedBinaries().dir, binariesDir, { recursive: true, verbatimSymlinks: true });
  });
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves queries, and starts again from the same copy', async () => {
    const user = serverUser();
    if (user) {
      // The precondition of the bug: the server's user cannot run the binaries where they are.
      const r = spawnSync(path.join(binariesDir, 'bin', 'postgres'), ['--version'], { uid: user.uid, gid: user.gid });
      expect(r.error).toMatchObject({ code: 'EACCES' });
    }
    const lines: Line[] = [];
    const first = await startEmbeddedPostgres({ dataDir, binariesDir, logger: captureLogger(lines) });
    try {
      expect(first.startedHere).toBe(true);
      expect(await selectOne(first.url)).toBe(1);
    } finally {
      await first.stop();
    }
    const copies = path.join(dataDir, 'postgres-binaries');
    const copied = lines.filter((l) => l.message.startsWith('copying the PostgreSQL binaries'));
    if (user) {
      expect(copied).toHaveLength(1);
      const copy = required(readdirSync(copies)[0], 'the copied binaries folder');
      expect(tree(path.join(copies, copy))).toEqual(tree(binariesDir));
      expect(statSync(path.join(copies, copy)).mode & 0o777).toBe(0o755);
    } else {
      // Without root the server runs as this user, who can reach its own folders: nothing to copy.
      expect(copied).toHaveLength(0);
      expect(existsSync(copies)).toBe(false);
    }

    lines.length = 0;
    const second = await startEmbeddedPostgres({ dataDir, binariesDir, logger: captureLogger(lines) });
    try {
      expect(second.port).toBe(first.port); // the folder's recorded port, reused
      expect(await selectOne(second.url)).toBe(1);
      expect(lines.map((l) => l.message)).not.toContain('initialising the embedded PostgreSQL');
      expect(lines.filter((l) => l.message.startsWith('copying'))).toHaveLength(0);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('says in one line what to do when a data folder is out of reach', async () => {
    const user = serverUser();
    if (!user) return; // only root hands the server to another user
    const error = await failure(startEmbeddedPostgres({ dataDir: path.join(privateDir, 'state'), binariesDir }));
    expect(error).toMatchObject({ name: 'DbError', code: 'EMBEDDED_FAILED' });
    expect(error.message).toMatch(/cannot reach .*state .*set NBA_DATA_DIR/);
    expect(error.message).not.toContain('\n');
  });

  it('names a binaries folder that holds no PostgreSQL', async () => {
    const error = await failure(startEmbeddedPostgres({ dataDir, binariesDir: privateDir }));
    expect(error).toMatchObject({ code: 'EMBEDDED_FAILED' });
    expect(error.message).toContain('holds no PostgreSQL installation');
  });

  it('says the port is taken when another server listens on it', async () => {
    const running = await startEmbeddedPostgres({ dataDir, binariesDir });
    const port = running.port;
    const otherDir = mkdtempSync(path.join(os.tmpdir(), 'nba-private-other-'));
    try {
      const error = await failure(startEmbeddedPostgres({ dataDir: otherDir, port, binariesDir }));
      expect(error.message).toBe(
        `the embedded PostgreSQL cannot listen on 127.0.0.1:${port}: another program uses that port; stop it, or set DATABASE_URL to use a server of your own`,
      );
    } finally {
      await running.stop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('copyOnce', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nba-copy-once-'));
  const source = path.join(root, 'source');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(path.join(source, 'bin'), { recursive: true });
    cpSync(path.join(packagedBinaries().dir, 'bin', 'pg_ctl'), path.join(source, 'bin', 'pg_ctl'));
    cpSync(path.join(packagedBinaries().dir, 'lib'), path.join(source, 'lib'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  });

  it('gives one complete copy when two copies race, and leaves no temporary folder', async () => {
    const target = path.join(root, 'race', 'pg');
    mkdirSync(path.dirname(target));
    await Promise.all([copyOnce(source, target), copyOnce(source, target)]);
    expect(tree(target)).toEqual(tree(source));
    expect(readdirSync(path.dirname(target))).toEqual(['pg']);
  });

  it('removes what a killed copy left behind', async () => {
    const target = path.join(root, 'killed', 'pg');
    // A pid far above pid_max: no such process.
    const leftover = `${target}.tmp-99999999-abcd`;
    mkdirSync(path.join(leftover, 'bin'), { recursive: true });
    await copyOnce(source, target);
    expect(readdirSync(path.dirname(target))).toEqual(['pg']);
    expect(tree(target)).toEqual(tree(source));
  });
});
