import { existsSync } from 'node:fs';
import path from 'node:path';
import { matching, runToExit, unusableDatabases, UNUSABLE_DATABASE_LINES, type UnusableDatabases } from '@nba/testing';

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

test.each([
  ['refused', 'refused'],
  ['unknown', 'unknown'],
  ['not migrated', 'notMigrated'],
  ['stalled', 'stalled'],
] as const)('a database that is %s: one line naming the fix, exit 3', async (_case, which) => {
  const line = UNUSABLE_DATABASE_LINES[which];
  const env = {
    DATABASE_URL: dbs[which],
    DB_CONNECT_TIMEOUT_MS: '500',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: '',
  };
  const { code, stderr } = await runToExit(MAIN, [], env);
  expect({ code, stderr }).toEqual({ code: 3, stderr: matching(line) });
  expect(stderr).not.toContain(PASSWORD);
});
