import { execFileSync } from 'node:child_process';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { matching } from '@nba/testing';
import { startProbeServer, type ProbeServer, type ProbeSnapshot } from './probe-server';

// The probe worker is a real worker thread with a real port. The main event loop is blocked for
// real: execFileSync holds it while a child process probes the worker's port, as the kubelet would.

let probes: ProbeServer | undefined;
let snapshot: ProbeSnapshot;
let database: string | undefined;

beforeEach(async () => {
  snapshot = { shuttingDown: false, modelsNotLoaded: 0, featuresBuilt: true };
  database = undefined;
  probes = await startProbeServer({
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger(),
    snapshot: () => snapshot,
    pingDatabase: () => Promise.resolve(database),
    heartbeatMs: 50,
    staleMs: 600,
    databaseCheckMs: 50,
  });
  await new Promise((r) => setTimeout(r, 150));
});

afterEach(async () => {
  await probes?.close();
});

/** The probe server `beforeEach` started. */
const running = (): ProbeServer => required(probes, 'the probe server');

const get = async (path: string) => {
  const res = await fetch(`${running().url}${path}`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

/** Blocks this thread's event loop for `ms` while a child process probes `path` after `afterMs`: the status and body it got. */
function probeWhileBlocked(
  path: string,
  afterMs: number,
): { status: number; body: { status: string; reason?: string } } {
  const script = `setTimeout(() => fetch(process.argv[1]).then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.json() }))), ${afterMs})`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, `${running().url}${path}`], { encoding: 'utf8' }),
  ) as ReturnType<typeof probeWhileBlocked>;
}

test('answers /health and /ready from the published state', async () => {
  expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  expect(await get('/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  expect((await get('/metrics')).status).toBe(404);
});

test('/ready is 503 with the reason when a model is missing, the database is unreachable, or shutdown began', async () => {
  snapshot = { ...snapshot, modelsNotLoaded: 1 };
  database = 'unreachable: connection refused';
  await new Promise((r) => setTimeout(r, 200));
  const notReady = await get('/ready');
  expect(notReady.status).toBe(503);
  expect(notReady.body.reason).toMatch(/no production version/);
  expect(notReady.body.reason).toMatch(/database unreachable/);
  snapshot = { ...snapshot, modelsNotLoaded: 0 };
  database = undefined;
  await new Promise((r) => setTimeout(r, 200));
  expect((await get('/ready')).status).toBe(200);
  snapshot = { ...snapshot, shuttingDown: true };
  running().publish();
  expect(await get('/ready')).toMatchObject({ status: 503, body: { reason: 'shutting down' } });
  // liveness is not readiness: a draining process is alive
  expect((await get('/health')).status).toBe(200);
});

test('/health and /ready turn 503 while the main event loop is blocked, and recover after', async () => {
  const health = probeWhileBlocked('/health', 1_200);
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ status: 'stalled' });
  expect(probeWhileBlocked('/ready', 1_200)).toMatchObject({ status: 503, body: { reason: matching(/event loop/) } });
  await new Promise((r) => setTimeout(r, 150));
  expect((await get('/health')).status).toBe(200);
});

test('a port already taken is a clear error', async () => {
  const port = running().port;
  await expect(
    startProbeServer({
      port,
      host: '127.0.0.1',
      logger: silentLogger(),
      snapshot: () => snapshot,
      pingDatabase: () => Promise.resolve(undefined),
    }),
  ).rejects.toThrow(new RegExp(`probe port ${port}: .*EADDRINUSE`));
});
