import { databaseProblemOf, isTransientDatabaseError } from './database-problem';
import { DbError } from './db-error';

// Errors in the shapes the layers produce them (checked against real ones in test/ and in the
// pipeline's restart test): node-postgres (SQLSTATE + severity), a socket (errno + syscall), the
// driver adapter's `cause` (a kind, with the original SQLSTATE when it had one), Prisma's wrapper.
const pg = (code: string, message = `server said ${code}`) =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });
const socket = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect', errno: -1 });
const prisma = (code: string, cause?: Record<string, unknown>, said = 'what the driver said') =>
  Object.assign(new Error(`\nInvalid \`prisma.taskRun.upsert()\` invocation:\n\n\n${said}`), {
    code,
    name: 'PrismaClientKnownRequestError',
    meta: cause
      ? { driverAdapterError: Object.assign(new Error('adapter'), { name: 'DriverAdapterError', cause }) }
      : {},
  });

const TRANSIENT: Array<[string, unknown]> = [
  ['57P01 admin shutdown', pg('57P01', 'terminating connection due to administrator command')],
  ['57P02 crash shutdown', pg('57P02')],
  ['57P03 cannot connect now', pg('57P03', 'the database system is shutting down')],
  ['08006 connection failure', pg('08006')],
  ['08003 connection does not exist', pg('08003')],
  ['08001 cannot establish', pg('08001')],
  ['40001 serialization failure', pg('40001')],
  ['40P01 deadlock', pg('40P01')],
  ['53300 too many connections', pg('53300')],
  ['ECONNREFUSED', socket('ECONNREFUSED')],
  ['ECONNRESET', socket('ECONNRESET')],
  ['EPIPE', socket('EPIPE')],
  ['ETIMEDOUT', socket('ETIMEDOUT')],
  ['EAI_AGAIN', socket('EAI_AGAIN')],
  ['EHOSTUNREACH', socket('EHOSTUNREACH')],
  ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
  ['pg: pool checkout timeout', new Error('timeout exceeded when trying to connect')],
  ['P1001', prisma('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
  ['P1002', prisma('P1002')],
  ['P1017', prisma('P1017')],
  ['P2024', prisma('P2024')],
  [
    'P2028 no connection for a transaction',
    prisma('P2028', undefined, 'Transaction API error: Unable to start a transaction in the given time.'),
  ],
  ['P2034', prisma('P2034')],
  [
    'P2010 wrapping 57P01',
    prisma('P2010', { kind: 'postgres', code: '57P01', severity: 'FATAL', message: 'terminating connection' }),
  ],
  ['adapter ConnectionClosed', prisma('P2010', { kind: 'ConnectionClosed' })],
  [
    'adapter TransactionWriteConflict (40001)',
    prisma('P2034', {
      kind: 'TransactionWriteConflict',
      originalCode: '40001',
      originalMessage: 'could not serialize',
    }),
  ],
  ['an error caused by 57P01', new Error('saving failed', { cause: pg('57P01') })],
];

const NOT_TRANSIENT: Array<[string, unknown]> = [
  ['53100 disk full', pg('53100', 'could not extend file "base/1/2": No space left on device')],
  [
    'ENOSPC',
    Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      errno: -28,
    }),
  ],
  ['57014 statement timeout', pg('57014')],
  [
    'P2028 transaction expired',
    prisma('P2028', undefined, 'Transaction API error: A commit cannot be executed on an expired transaction.'),
  ],
  ['P2028 transaction not found', prisma('P2028', undefined, 'Transaction API error: Transaction not found.')],
  ['28P01 bad password', pg('28P01')],
  ['3D000 unknown database', pg('3D000')],
  ['42P01 missing table', pg('42P01')],
  ['ENOTFOUND', socket('ENOTFOUND')],
  ['P2002 unique violation', prisma('P2002')],
  ['23505 unique violation', pg('23505')],
  ['a DbError of a migration', new DbError('MIGRATION_FAILED', 'migration 2 failed', { cause: pg('57P01') })],
  ['a plain error', new Error('boom')],
  ['a TypeError', new TypeError('x is not a function')],
];

describe('which database errors are transient (retried by the orchestrator)', () => {
  it.each(TRANSIENT)('%s is transient', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(databaseProblemOf(error)?.transient).toBe(true);
  });

  it.each(NOT_TRANSIENT)('%s is not', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});

describe('the one-line summary', () => {
  it("names what happened and what the server said, never Prisma's code frame", () => {
    const lost = prisma('P2010', {
      kind: 'postgres',
      code: '57P01',
      severity: 'FATAL',
      message: 'terminating connection due to administrator command',
    });
    expect(databaseProblemOf(lost)?.summary).toBe(
      'database connection lost (57P01 terminating connection due to administrator command)',
    );
    const unreachable = prisma('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 });
    expect(databaseProblemOf(unreachable)?.summary).toBe('database unreachable (P1001 what the driver said)');
    const conflict = prisma('P2034', {
      kind: 'TransactionWriteConflict',
      originalCode: '40001',
      originalMessage: 'could not serialize access',
    });
    expect(databaseProblemOf(conflict)?.summary).toBe(
      'database transaction conflict (40001 could not serialize access)',
    );
    expect(databaseProblemOf(new Error('Connection terminated unexpectedly'))?.summary).toBe(
      'database connection lost (Connection terminated unexpectedly)',
    );
  });

  it('says disk full in one line, for the server (53100) and for this machine (ENOSPC)', () => {
    const full = databaseProblemOf(
      pg('53100', 'could not extend file "base/1/2": No space left on device'),
      'postgresql://u:secret@db:5432/nba',
    );
    expect(full).toEqual({
      kind: 'disk_full',
      transient: false,
      summary: 'database disk full (53100 could not extend file "base/1/2": No space left on device)',
      message:
        'the database server at db:5432 is out of disk space: free space on its volume (or grow it), then run again',
    });
    const local = databaseProblemOf(
      Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        syscall: 'write',
        errno: -28,
      }),
    );
    expect(local?.summary).toBe('disk full (ENOSPC ENOSPC: no space left on device, write)');
    for (const p of [full, local]) expect(`${p?.summary}${p?.message}`).not.toMatch(/\n|secret/);
  });
});
