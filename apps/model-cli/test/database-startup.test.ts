import { matching, unusableDatabases, UNUSABLE_DATABASE_LINES, type UnusableDatabases } from '@nba/testing';
import { assertBuilt, runCli } from './run-cli';

// `nba-models` on a database it cannot use: one line on stderr naming the problem and the fix (no
// stack, no Prisma code frame, no password), and exit 3, as in the API and the pipeline.
const PASSWORD = 'pw-s3cret-cli';

let dbs: UnusableDatabases;

beforeAll(async () => {
  assertBuilt();
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
  const r = await runCli(['list'], { env: { DATABASE_URL: dbs[which], DB_CONNECT_TIMEOUT_MS: '500' } });
  expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 3, stderr: matching(line), stdout: '' });
  expect(r.stderr).not.toContain(PASSWORD);
});
