import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReadGate } from './read-gate';

// Shedding before routing, on a real HTTP server: with the queue full (here: no places at all),
// read routes are answered 503 from the prepared bodies, everything else reaches the app.

let server: http.Server;
let base: string;

beforeAll(async () => {
  const gate = new ReadGate({ maxQueued: 0, retryAfterSeconds: 2 });
  server = http.createServer((req, res) => {
    if (!gate.shedBeforeRouting(req, res)) res.writeHead(200).end('app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a read route is shed with 503, Retry-After and a request id: JSON under /v1/, a page otherwise', async () => {
  const json = await fetch(`${base}/v1/games?date=2026-01-10`);
  expect(json.status).toBe(503);
  expect(json.headers.get('retry-after')).toBe('2');
  const body = (await json.json()) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe('OVERLOADED');
  expect(body.error.requestId).toBe(json.headers.get('x-request-id'));
  const page = await fetch(`${base}/record?model=nba-winner`);
  expect(page.status).toBe(503);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  expect(await page.text()).toContain('Busy');
});

test('probes, writes and other routes are never shed here', async () => {
  for (const [method, path] of [
    ['GET', '/health'],
    ['GET', '/ready'],
    ['GET', '/metrics'],
    ['POST', '/v1/predict'],
    ['POST', '/record'],
  ] as const) {
    const res = await fetch(`${base}${path}`, { method });
    expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 200`);
  }
});
