import http from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDbClient, type DbClient } from '@nba/db';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, startTcpProxy, testServerUrl, type TcpProxy, type TestDatabase } from '@nba/testing';
import { createApp } from '../src/app';
import { DATABASE_RETRY_AFTER_SECONDS } from '../src/error-handler';
import { ReadGate, READ_GATE_DEFAULTS } from '../src/read-gate';
import { ROUTE_CLASS_DB_OPTIONS } from '../src/route-clients';
import { createServices, type Services } from '../src/services';
import { startServer } from '../src/server';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';

// Page and data traffic is admitted through the read gate; probes use a pool of their own. The
// read pool here reaches PostgreSQL through a proxy the test stalls; the probes' pool does not.

const history = syntheticHistory({ seasons: [2023, 2024], seed: 13, days: 120 });
const pastDay = required(history.at(-40), 'the 40th game from the end').date;
const GATE = { maxActive: 2, maxQueued: 4, maxWaitMs: 300, deadlineMs: 1_000, retryAfterSeconds: 1 };

let db: TestDatabase;
let proxy: TcpProxy;
let readDb: DbClient;
let services: Services;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_gate' });
  await insertGames(db.client, history);
  const model = trainOn(history, 'stats', 20);
  await registerModel(new ModelRegistry(db.client, { logger: silentLogger() }), model, 'nba-winner', '1.0.0', {
    promote: true,
  });
  disposeModel(model);
  const target = new URL(testServerUrl());
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  readDb = createDbClient(proxy.urlFor(db.url), ROUTE_CLASS_DB_OPTIONS.read);
  const logger = silentLogger();
  services = createServices({
    db: db.client,
    logger,
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    probeDb: db.client,
  });
  await services.start(0);
  const app = createApp({
    ...services,
    db: db.client,
    logger,
    readDb,
    readRegistry: new ModelRegistry(readDb, { logger }),
    probeDb: db.client,
    readGate: new ReadGate(GATE),
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  proxy?.forward();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await services?.stop();
  await readDb?.$disconnect();
  await proxy?.close();
  await db?.drop();
});

interface Answer {
  status: number;
  retryAfter?: string;
  code?: string;
  text: string;
}

/** One request on a connection of its own (no keep-alive pool limit). */
function get(path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: false }, (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => {
          const code = res.headers['content-type']?.includes('json')
            ? (JSON.parse(text) as { error?: { code: string } }).error?.code
            : undefined;
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], code, text });
        });
      })
      .on('error', reject);
  });
}

test('the read routes keep their answers within 3 s of a stalled database: the configured limits', () => {
  // one query answers or fails within the deadline: a connect, then a statement with the client's 1 s margin
  const read = ROUTE_CLASS_DB_OPTIONS.read;
  const connect = required(read.connectTimeoutMs, 'the read connect timeout');
  const statement = required(read.statementTimeoutMs, 'the read statement timeout');
  expect(connect + statement + 1_000).toBeLessThanOrEqual(3_000);
  expect(READ_GATE_DEFAULTS.deadlineMs).toBeLessThan(3_000);
  expect(READ_GATE_DEFAULTS.maxActive * 2).toBeLessThanOrEqual(required(read.maxConnections, 'the read pool size'));
});

test('a burst on a stalled database: the admitted requests answer 503 at the deadline, the rest are shed with 503 + Retry-After, probes answer', async () => {
  expect((await get(`/v1/predictions?date=${pastDay}`)).status).toBe(200);
  proxy.stall();
  const burst = Promise.all([
    ...Array.from({ length: 30 }, () => get(`/v1/predictions?date=${pastDay}`)),
    ...Array.from({ length: 10 }, () => get('/record')),
  ]);
  // while the read pool hangs and its queue is full, the probes are not behind it
  await new Promise((r) => setTimeout(r, 100));
  const [health, ready] = await Promise.all([get('/health'), get('/ready')]);
  expect(health.status).toBe(200);
  expect(ready.status).toBe(200);
  const answers = await burst;
  expect(answers.every((a) => a.status === 503)).toBe(true);
  const timedOut = answers.filter((a) => a.text.includes(`did not answer within ${GATE.deadlineMs} ms`));
  const shed = answers.filter((a) => a.text.includes('busy'));
  // exactly the admitted ones waited for the database; everyone else was turned away (queue full, or waited too long)
  expect(timedOut).toHaveLength(GATE.maxActive);
  expect(shed).toHaveLength(answers.length - GATE.maxActive);
  for (const a of timedOut) expect(a.retryAfter).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  for (const a of shed) expect(a.retryAfter).toBe(String(GATE.retryAfterSeconds));
  expect(shed.filter((a) => a.code === 'OVERLOADED').length).toBeGreaterThan(0);
  // pages are shed as pages
  expect(
    answers.slice(30).every((a) => a.text.startsWith('<!doctype html>') || a.text.startsWith('<!DOCTYPE html>')),
  ).toBe(true);
}, 30_000);

test('after the stall: the late answers were dropped quietly and the read routes serve again', async () => {
  proxy.forward();
  // the hung queries fail on their own timeouts; new ones get fresh connections
  let status = 0;
  for (let i = 0; i < 50 && status !== 200; i++) {
    status = (await get(`/v1/predictions?date=${pastDay}`)).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 200));
  }
  expect(status).toBe(200);
  expect((await get('/ready')).status).toBe(200);
}, 30_000);

test('a page burst on the real server: /ready stays 200 and /health answers; pages answer 200 or are shed with 503 + Retry-After', async () => {
  const api = await startServer({
    db: { client: db.client, url: db.url },
    logger: silentLogger(),
    port: 0,
    host: '127.0.0.1',
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    featureRefreshIntervalMs: 0,
    shutdownDrainMs: 0,
  });
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const one = (path: string) =>
      new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
        http
          .get(`${api.url}${path}`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
          })
          .on('error', reject);
      });
    const burst = Promise.all(Array.from({ length: 1_000 }, (_, i) => one(i % 2 ? '/record' : `/?date=${pastDay}`)));
    const probes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [health, ready] = await Promise.all([one('/health'), one('/ready')]);
      probes.push(health.status, ready.status);
    }
    const pages = await burst;
    agent.destroy();
    expect(probes.every((s) => s === 200)).toBe(true);
    const statuses = new Set(pages.map((p) => p.status));
    expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
    for (const p of pages)
      if (p.status === 503) expect(p.retryAfter).toBe(String(READ_GATE_DEFAULTS.retryAfterSeconds));
    expect(pages.some((p) => p.status === 200)).toBe(true);
    console.log(
      `page burst: ${pages.filter((p) => p.status === 200).length} × 200, ${pages.filter((p) => p.status === 503).length} × 503; probes ${probes.join(',')}`,
    );
  } finally {
    await api.close();
  }
}, 120_000);
