import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { unusableDatabases, type UnusableDatabases } from '@nba/testing';

// The built API started the way an operator starts it, on a database it cannot use: one line on
// stderr naming the problem and the fix (no stack, no code frame, no password), and exit 3.
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const PASSWORD = 'pw-s3cret-startup';

let dbs: UnusableDatabases;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm build)`);
  dbs = await unusableDatabases(PASSWORD);
});

afterAll(async () => {
  await dbs?.close();
});

function start(databaseUrl: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DB_CONNECT_TIMEOUT_MS: '500', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test.each([
  [
    'refused',
    'refused',
    /^error: the database server at 127\.0\.0\.1:\d+ refused the connection \(DATABASE_URL\): start PostgreSQL there or fix the host and port\n$/,
  ],
  ['unknown', 'unknown', /^error: the database 'nba_no_such_database' does not exist on .+: create it, or fix the name in DATABASE_URL\n$/],
  ['not migrated', 'notMigrated', /^error: the database '.+' on .+ is not migrated: run `pnpm db:migrate`.*\n$/],
  ['stalled', 'stalled', /^error: the database server at .+ did not accept a connection within DB_CONNECT_TIMEOUT_MS: .+\n$/],
] as const)('a database that is %s: one line naming the fix, exit 3', async (_case, which, line) => {
  const { code, stderr } = await start(dbs[which]);
  expect({ code, stderr }).toEqual({ code: 3, stderr: expect.stringMatching(line) });
  expect(stderr).not.toContain(PASSWORD);
});
