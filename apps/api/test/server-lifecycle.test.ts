import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, startTcpProxy, testServerUrl, type TestDatabase } from '@nba/testing';
import { startServer } from '../src/server';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';

let db: TestDatabase;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 5, days: 120 });

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_life' });
  await insertGames(db.client, history);
  const model = trainOn(history, 'stats', 20);
  await registerModel(new ModelRegistry(db.client, { logger: silentLogger() }), model, 'nba-winner', '1.0.0', {
    promote: true,
  });
  disposeModel(model);
});

afterAll(async () => {
  await db?.drop();
});

test('close(): in-flight requests finish, new connections are refused, models are freed', async () => {
  const api = await startServer({
    db: { client: db.client, url: db.url },
    logger: silentLogger(),
    port: 0,
    host: '127.0.0.1',
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    featureRefreshIntervalMs: 0,
    shutdownDrainMs: 1000,
    shutdownTimeoutMs: 5000,
  });
  expect((await fetch(`${api.url}/ready`)).status).toBe(200);
  // five requests in flight: headers and half of each body sent, the rest only after close() began
  const body = JSON.stringify({
    matchups: Array.from({ length: 100 }, (_, i) => ({ home: i % 2 ? 'BOS' : 'MIA', away: 'NYK' })),
    explain: 50,
  });
  const half = Math.floor(body.length / 2);
  const { port } = new URL(api.url);
  const pending = Array.from({ length: 5 }, () => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/predict/batch',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, half));
    return { req, response };
  });
  const connections = () => new Promise<number>((r) => api.server.getConnections((_e, n) => r(n)));
  while ((await connections()) < 5) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 100));
  const closeStarted = Date.now();
  const closing = api.close();
  await new Promise((r) => setTimeout(r, 50));
  // no new connections once closing (a fresh one: fetch would reuse its idle keep-alive socket, which stays open to drain)
  const fresh = new Promise((resolve, reject) =>
    http.get(`${api.url}/health`, { agent: false }, resolve).on('error', reject),
  );
  await expect(fresh).rejects.toThrow(/ECONNREFUSED/);
  for (const p of pending) p.req.end(body.slice(half));
  const responses = await Promise.all(pending.map((p) => p.response));
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  for (const r of responses) expect((JSON.parse(r.body) as { forecasts: unknown[] }).forecasts).toHaveLength(100);
  await closing;
  // it did not wait for the 5 s timeout: connections closed as their requests finished
  expect(Date.now() - closeStarted).toBeLessThan(4000);
  expect(api.models.main.holder.current).toBeUndefined();
  // the database client is the caller's: still usable
  expect(await db.client.game.count()).toBe(history.length);
});

test('main: SIGTERM stops the process cleanly with exit code 0; a bad environment exits 2 naming the variable', async () => {
  const main = path.join(__dirname, '..', 'dist', 'main.js');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: path.join(__dirname, '..') });
  const bad = spawn(process.execPath, [main], {
    env: inheritedEnv({ PORT: 'x', MODEL_POLL_INTERVAL_MS: 'soon' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let badErr = '';
  bad.stderr.on('data', (d) => (badErr += String(d)));
  const badCode = await new Promise<number | null>((r) => bad.on('exit', r));
  expect(badCode).toBe(2);
  expect(badErr).toContain('PORT');
  expect(badErr).toContain('MODEL_POLL_INTERVAL_MS');

  const child = spawn(process.execPath, [main], {
    env: inheritedEnv({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /"url":"(http:[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
  const ready = (await (await fetch(`${url}/ready`)).json()) as { model: { version: string } };
  expect(ready.model.version).toBe('1.0.0');
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  expect(code).toBe(0);
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { message: string; service: string });
  expect(lines.every((l) => l.service === 'api')).toBe(true);
  expect(lines.map((l) => l.message)).toEqual(
    expect.arrayContaining([
      'api listening',
      'signal received',
      'shutting down: finishing in-flight requests',
      'api stopped',
    ]),
  );
  expect(out).not.toContain(db.url);
});

test('main: a SIGTERM during start-up (the database not answering yet) stops the API once it is up: exit 0, not killed by the signal', async () => {
  const main = path.join(__dirname, '..', 'dist', 'main.js');
  const server = new URL(testServerUrl());
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  try {
    proxy.stall();
    const child = spawn(process.execPath, [main], {
      env: inheritedEnv({
        DATABASE_URL: proxy.urlFor(db.url),
        DB_CONNECT_TIMEOUT_MS: '60000',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      child.on('exit', (code, signal) => r({ code, signal })),
    );
    // the process is opening the database (held by the stalled proxy): it is in start-up
    while (proxy.connections === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    proxy.forward();
    expect(await exited).toEqual({ code: 0, signal: null });
    const messages = out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { message: string }).message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'signal received during start-up; stopping once started',
        'api listening',
        'api stopped',
      ]),
    );
    expect(messages.indexOf('signal received during start-up; stopping once started')).toBeLessThan(
      messages.indexOf('api listening'),
    );
  } finally {
    await proxy.close();
  }
}, 60_000);
