import { Writable } from 'node:stream';
import { createDbClient, type DbClient } from '@nba/db';
import { required } from '@nba/errors';
import { createLogger, silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import {
  createTestDatabase,
  matching,
  startTcpProxy,
  testServerUrl,
  type TcpProxy,
  type TestDatabase,
} from '@nba/testing';
import { DATABASE_RETRY_AFTER_SECONDS } from '../src/error-handler';
import { READ_GATE_DEFAULTS } from '../src/read-gate';
import { ErrorResponse } from '../src/schemas/common';
import { ReadyResponse } from '../src/schemas/health';
import { startServer, type RunningServer } from '../src/server';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';

// The API's pool reaches PostgreSQL through a TCP proxy that the test stalls (a hung server or a
// partitioned network: nothing answers, nothing closes) and drops (the server went away). Small
// timeouts keep each answer well inside the per-test limit; no test asserts how long one took.
const TIMEOUTS = { connectTimeoutMs: 500, poolTimeoutMs: 500, statementTimeoutMs: 500 };
// Each step must answer rather than hang: the database routes give up after a connect, a pool wait
// and a statement (plus the client's 1 s read margin), a few seconds at these settings.
const STEP_LIMIT_MS = 15_000;

const history = syntheticHistory({ seasons: [2023, 2024], seed: 11, days: 120 });
const pastDay = required(history.at(-40), 'the 40th game from the end').date;
const DB_ROUTES = [
  `/v1/games?date=${pastDay}`,
  `/v1/predictions?date=${pastDay}`,
  '/v1/models',
  '/v1/models/production',
];

let db: TestDatabase;
let proxy: TcpProxy;
let client: DbClient;
let api: RunningServer;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_outage' });
  await insertGames(db.client, history);
  const model = trainOn(history, 'stats', 20);
  await registerModel(new ModelRegistry(db.client, { logger: silentLogger() }), model, 'nba-winner', '1.0.0', {
    promote: true,
  });
  disposeModel(model);
  const server = new URL(testServerUrl());
  proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const url = proxy.urlFor(db.url);
  client = createDbClient(url, { ...TIMEOUTS, maxConnections: 3 });
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  api = await startServer({
    db: { client, url },
    logger: createLogger({ service: 'api-test', level: 'warn', stream, secrets: [url] }),
    port: 0,
    host: '127.0.0.1',
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    featureRefreshIntervalMs: 0,
    dbConnectTimeoutMs: TIMEOUTS.connectTimeoutMs,
  });
});

afterAll(async () => {
  // closing waits on connections, which a stalled proxy would hold forever
  proxy?.forward();
  await api?.close();
  await client?.$disconnect();
  await proxy?.close();
  await db?.drop();
});

async function get(path: string): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const res = await fetch(`${api.url}${path}`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

async function predict(): Promise<number> {
  const res = await fetch(`${api.url}/v1/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ home: 'BOS', away: 'NYK' }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** The database routes, each asked `times` times at once (more than the pool holds). */
async function allDatabaseRoutes(times = 3) {
  return Promise.all(DB_ROUTES.flatMap((path) => Array.from({ length: times }, () => get(path))));
}

/** Every answer a 503 with Retry-After: the database's (admitted requests), or the read gate's (shed while the admitted ones wait). */
function expectUnavailable(answers: Awaited<ReturnType<typeof get>>[]): void {
  const retryAfter = {
    DATABASE_UNAVAILABLE: String(DATABASE_RETRY_AFTER_SECONDS),
    OVERLOADED: String(READ_GATE_DEFAULTS.retryAfterSeconds),
  };
  for (const a of answers) {
    const code = ErrorResponse.parse(a.body).error.code as keyof typeof retryAfter;
    expect({ status: a.status, code, retryAfter: a.retryAfter }).toEqual({
      status: 503,
      code,
      retryAfter: retryAfter[code],
    });
  }
  expect(answers.some((a) => ErrorResponse.parse(a.body).error.code === 'DATABASE_UNAVAILABLE')).toBe(true);
}

async function expectServing(): Promise<void> {
  expect((await allDatabaseRoutes(1)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
  expect(await predict()).toBe(200);
  expect((await get('/ready')).status).toBe(200);
}

test('forwarding: every route answers', async () => {
  await expectServing();
});

test(
  'stalled: the database routes answer 503 DATABASE_UNAVAILABLE with Retry-After; predict serves from memory; /health stays up, /ready says why',
  async () => {
    proxy.stall();
    const [answers, predicted, health, ready] = await Promise.all([
      allDatabaseRoutes(),
      predict(),
      get('/health'),
      get('/ready'),
    ]);
    expectUnavailable(answers);
    expect(predicted).toBe(200);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(ReadyResponse.parse(ready.body)).toMatchObject({
      status: 'not_ready',
      database: { ok: false, error: matching(/^unavailable/) },
    });
    // the pool did not fill up with waiters: a second round is answered the same way
    expectUnavailable(await allDatabaseRoutes());
    // the operator's line: what failed, without the password or a stack trace
    const warned = logLines
      .map((l) => JSON.parse(l) as { message: string; problem?: string })
      .filter((l) => l.message === 'database unavailable');
    expect(warned.length).toBeGreaterThan(0);
    expect(warned[0]?.problem).toMatch(/DB_(POOL|STATEMENT|CONNECT)_TIMEOUT_MS/);
  },
  STEP_LIMIT_MS,
);

test(
  'forwarding again: everything recovers without a restart',
  async () => {
    proxy.forward();
    await expectServing();
  },
  STEP_LIMIT_MS,
);

test(
  'dropped: the database routes answer 503 DATABASE_UNAVAILABLE; predict serves from memory',
  async () => {
    proxy.drop();
    expectUnavailable(await allDatabaseRoutes());
    expect(await predict()).toBe(200);
    expect((await get('/ready')).status).toBe(503);
  },
  STEP_LIMIT_MS,
);

test(
  'back again: everything recovers without a restart',
  async () => {
    proxy.forward();
    await expectServing();
  },
  STEP_LIMIT_MS,
);
