import { unusableDatabases, type UnusableDatabases } from '@nba/testing';
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
  [
    'refused',
    'refused',
    /^error: the database server at 127\.0\.0\.1:\d+ refused the connection \(DATABASE_URL\): start PostgreSQL there or fix the host and port\n$/,
  ],
  ['unknown', 'unknown', /^error: the database 'nba_no_such_database' does not exist on .+: create it, or fix the name in DATABASE_URL\n$/],
  ['not migrated', 'notMigrated', /^error: the database '.+' on .+ is not migrated: run `pnpm db:migrate`.*\n$/],
  ['stalled', 'stalled', /^error: the database server at .+ did not accept a connection within DB_CONNECT_TIMEOUT_MS: .+\n$/],
] as const)('a database that is %s: one line naming the fix, exit 3', async (_case, which, line) => {
  const r = await runCli(['list'], { env: { DATABASE_URL: dbs[which], DB_CONNECT_TIMEOUT_MS: '500' } });
  expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 3, stderr: expect.stringMatching(line), stdout: '' });
  expect(r.stderr).not.toContain(PASSWORD);
});
