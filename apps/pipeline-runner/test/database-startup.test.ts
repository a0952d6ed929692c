import { existsSync } from 'node:fs';
import path from 'node:path';
import { matching, runToExit, unusableDatabases, UNUSABLE_DATABASE_LINES, type UnusableDatabases } from '@nba/testing';

// The pipeline on a database it cannot use: one line on stderr naming the problem and the fix (no
// stack, no code frame, no password), and exit 3, as in the API and the model CLI. It migrates
// the database it is given, so an empty one is migrated, not refused.
const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const PASSWORD = 'pw-s3cret-pipeline';

let dbs: UnusableDatabases;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm build)`);
  dbs = await unusableDatabases(PASSWORD);
});

afterAll(async () => {
  await dbs?.close();
});

function pipeline(args: string[], databaseUrl: string): Promise<{ code: number | null; stderr: string }> {
  return runToExit(MAIN, args, {
    DATABASE_URL: databaseUrl,
    DB_CONNECT_TIMEOUT_MS: '500',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: '',
  });
}

test.each([
  ['refused', 'refused'],
  ['unknown', 'unknown'],
  ['stalled', 'stalled'],
] as const)('a database that is %s: one line naming the fix, exit 3', async (_case, which) => {
  const line = UNUSABLE_DATABASE_LINES[which];
  const { code, stderr } = await pipeline(['runs'], dbs[which]);
  expect({ code, stderr }).toEqual({ code: 3, stderr: matching(line) });
  expect(stderr).not.toContain(PASSWORD);
});

test('a database that is not migrated is migrated, and the command runs', async () => {
  expect(await pipeline(['runs'], dbs.notMigrated)).toEqual({ code: 0, stderr: '' });
});
