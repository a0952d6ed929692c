import net from 'node:net';
import { Client } from 'pg';
import { assertMigrated, createDbClient, databaseProblemOf, DbError, migrate, openDatabase } from '../src';
import { TEST_SERVER_URL } from './test-server';

// Real PostgreSQL; the failures are real ones: a closed port, a server that accepts and never
// answers, a database that does not exist, an empty one, a slow statement, a full pool.
const server = TEST_SERVER_URL;
const suffix = Date.now().toString(36);
const emptyName = `nba_test_problem_empty_${suffix}`;
const migratedName = `nba_test_problem_migrated_${suffix}`;

function urlOf(database: string, password?: string): string {
  const u = new URL(server);
  u.pathname = `/${database}`;
  if (password) u.password = password;
  return u.toString();
}

async function admin(text: string): Promise<void> {
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

/** What `fn` rejects with. */
async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

let silent: net.Server;
const held = new Set<net.Socket>();
let silentPort: number;
let closedPort: number;

beforeAll(async () => {
  await admin(`CREATE DATABASE "${emptyName}"`);
  await admin(`CREATE DATABASE "${migratedName}"`);
  await migrate(urlOf(migratedName));
  // accepts connections and never answers: a stalled server
  silent = net.createServer((socket) => held.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  silentPort = (silent.address() as net.AddressInfo).port;
  // a port nobody listens on
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await admin(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS "${migratedName}" WITH (FORCE)`);
});

describe('assertMigrated (what the API and the CLI check at start-up)', () => {
  const timeouts = { connectTimeoutMs: 300 };

  it('passes on a migrated database', async () => {
    await expect(assertMigrated(urlOf(migratedName), { timeouts })).resolves.toBeUndefined();
  });

  it('refuses an empty database as not migrated, naming the fix', async () => {
    const url = urlOf(emptyName);
    const error = await failure(() => assertMigrated(url, { timeouts }));
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('NOT_MIGRATED');
    expect(databaseProblemOf(error, url)).toMatchObject({ kind: 'not_migrated' });
    expect(databaseProblemOf(error, url)?.message).toContain('is not migrated: run `pnpm db:migrate`');
  });

  it('explains a refused connection, an unknown database and a silent server in one line without the password', async () => {
    const password = 's3cret-pw';
    const refused = `postgresql://postgres:${password}@127.0.0.1:${closedPort}/nba`;
    const unknown = urlOf(`nba_no_such_db_${suffix}`, password);
    const stalled = `postgresql://postgres:${password}@127.0.0.1:${silentPort}/nba`;
    const problems = [
      databaseProblemOf(await failure(() => assertMigrated(refused, { timeouts })), refused),
      databaseProblemOf(await failure(() => assertMigrated(unknown, { timeouts })), unknown),
      databaseProblemOf(await failure(() => assertMigrated(stalled, { timeouts })), stalled),
    ];
    expect(problems).toMatchObject([
      {
        kind: 'unavailable',
        transient: true,
        message: `the database server at 127.0.0.1:${closedPort} refused the connection (DATABASE_URL): start PostgreSQL there or fix the host and port`,
      },
      { kind: 'unknown_database', transient: false },
      { kind: 'unavailable' },
    ]);
    expect(problems[1]?.message).toContain(`the database 'nba_no_such_db_${suffix}' does not exist`);
    expect(problems[2]?.message).toContain('did not accept a connection within DB_CONNECT_TIMEOUT_MS');
    for (const p of problems) {
      expect(`${p?.message} ${p?.summary}`).not.toContain(password);
      expect(`${p?.message} ${p?.summary}`).not.toMatch(/\n/);
    }
  });
});

/** A team row of this test's own (the migrated database has none). */
const scratchTeam = (code: string) => ({
  code,
  name: `Test ${code}`,
  conference: 'East',
  division: 'Atlantic',
  aliases: [],
  latitude: 0,
  longitude: 0,
});

describe('createDbClient timeouts (Prisma on the pg pool)', () => {
  it('a statement past the statement timeout is cancelled by the server, and the client keeps working', async () => {
    const db = createDbClient(urlOf(migratedName), { statementTimeoutMs: 200, maxConnections: 1 });
    try {
      const error = await failure(() => db.$queryRaw`SELECT pg_sleep(5)::text`);
      expect(databaseProblemOf(error)?.message).toContain('within DB_STATEMENT_TIMEOUT_MS');
      expect(await db.team.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it('waiting for a free connection ends at the pool timeout', async () => {
    const db = createDbClient(urlOf(migratedName), {
      poolTimeoutMs: 200,
      statementTimeoutMs: 5_000,
      maxConnections: 1,
    });
    try {
      // PrismaPromises are lazy: `then` starts the query that holds the only connection
      const holding = db.$queryRaw`SELECT pg_sleep(1)::text`.then(() => 'done');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const error = await failure(() => db.team.count());
      expect(databaseProblemOf(error)?.message).toContain('came free within DB_POOL_TIMEOUT_MS');
      await expect(holding).resolves.toBe('done');
    } finally {
      await db.$disconnect();
    }
  });

  it("an interactive transaction may run longer than Prisma's 5 s default, and commits", async () => {
    const db = createDbClient(urlOf(migratedName), { maxConnections: 2 });
    try {
      await db.$transaction(async (tx) => {
        await tx.team.create({ data: scratchTeam('TXA') });
        await tx.$queryRaw`SELECT pg_sleep(5.5)::text`; // a slow statement, or a wait for another run's lock
      });
      expect(await db.team.count({ where: { code: 'TXA' } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 20_000);

  it('an interactive transaction past its time limit fails in one line naming it, and changes nothing', async () => {
    const db = createDbClient(urlOf(migratedName), { transactionTimeoutMs: 300, maxConnections: 2 });
    try {
      const error = await failure(() =>
        db.$transaction(async (tx) => {
          await tx.team.create({ data: scratchTeam('TXB') });
          await tx.$queryRaw`SELECT pg_sleep(1)::text`;
        }),
      );
      expect(databaseProblemOf(error)).toMatchObject({ kind: 'unavailable', transient: false });
      expect(databaseProblemOf(error)?.message).toContain('did not finish within its time limit');
      expect(databaseProblemOf(error)?.summary).not.toMatch(/\n/);
      expect(await db.team.count({ where: { code: 'TXB' } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it('a server that never answers fails the query at the connect timeout', async () => {
    const db = createDbClient(`postgresql://postgres@127.0.0.1:${silentPort}/nba`, { connectTimeoutMs: 200 });
    try {
      const error = await failure(() => db.team.count());
      expect(databaseProblemOf(error)).toMatchObject({ kind: 'unavailable' });
      expect(databaseProblemOf(error)?.message).toContain('DB_CONNECT_TIMEOUT_MS');
    } finally {
      await db.$disconnect();
    }
  });

  it('a table that does not exist reads as not migrated', async () => {
    const db = createDbClient(urlOf(emptyName));
    try {
      expect(databaseProblemOf(await failure(() => db.team.count()))?.kind).toBe('not_migrated');
    } finally {
      await db.$disconnect();
    }
  });

  it('a constraint violation is not a database problem', async () => {
    const db = createDbClient(urlOf(migratedName));
    try {
      const team = {
        code: 'ZZZ',
        name: 'Test',
        conference: 'East',
        division: 'Atlantic',
        aliases: [],
        latitude: 0,
        longitude: 0,
      };
      await db.team.create({ data: team }).catch(() => undefined);
      const error = await failure(() => db.team.create({ data: team }));
      expect(databaseProblemOf(error)).toBeUndefined();
    } finally {
      await db.$disconnect();
    }
  });
});

describe('openDatabase', () => {
  it('without migrating, refuses a database that is not migrated', async () => {
    const error = await failure(() =>
      openDatabase({ databaseUrl: urlOf(emptyName), migrate: false, connectTimeoutMs: 300 }),
    );
    expect(databaseProblemOf(error)?.kind).toBe('not_migrated');
  });

  it('migrating waits for another migrator longer than the statement timeout', async () => {
    const holder = new Client({ connectionString: urlOf(emptyName) });
    await holder.connect();
    // the advisory lock id of the migrator (src/migrate.ts)
    await holder.query('SELECT pg_advisory_lock(72707369)');
    const opening = openDatabase({ databaseUrl: urlOf(emptyName), statementTimeoutMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await holder.query('SELECT pg_advisory_unlock(72707369)');
    await holder.end();
    const db = await opening;
    try {
      expect(await db.client.team.count()).toBe(30);
    } finally {
      await db.close();
    }
  });
});

describe('databaseProblemOf on errors a test cannot provoke here', () => {
  it('recognises refused credentials, and leaves other errors alone', () => {
    const auth = Object.assign(new Error('password authentication failed for user "nba"'), {
      code: '28P01',
      severity: 'FATAL',
    });
    expect(
      databaseProblemOf(
        new DbError('CONNECTION_FAILED', 'cannot use the database', { cause: auth }),
        'postgresql://nba:pw@db.internal:6543/nba',
      ),
    ).toMatchObject({
      kind: 'auth_failed',
      message:
        "the database server at db.internal:6543 refused the credentials (DATABASE_URL): fix the user and password, or the server's access rules",
    });
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND db.internal'), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'db.internal',
    });
    expect(databaseProblemOf(notFound)?.message).toBe(
      'the database host db.internal was not found (DATABASE_URL): fix the host name',
    );
    // a migration that failed says why itself, even when its statement hit a missing table
    const missingTable = Object.assign(new Error('relation "x" does not exist'), { code: '42P01', severity: 'ERROR' });
    expect(
      databaseProblemOf(new DbError('MIGRATION_FAILED', 'migration 2 failed', { cause: missingTable })),
    ).toBeUndefined();
    expect(databaseProblemOf(new Error('boom'))).toBeUndefined();
    expect(databaseProblemOf(undefined)).toBeUndefined();
    expect(databaseProblemOf('a string')).toBeUndefined();
  });
});
