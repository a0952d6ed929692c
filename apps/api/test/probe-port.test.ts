import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';

// The built API process with its probe port (PROBE_PORT=0: one the OS assigns, read from the
// start-up log line): /health and /ready answer there from the probe worker thread, during a
// page burst on the main port, and /ready turns 503 there at SIGTERM.

let db: TestDatabase;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 11, days: 120 });
const main = path.join(__dirname, '..', 'dist', 'main.js');

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: path.join(__dirname, '..') });
  db = await createTestDatabase({ prefix: 'api_probe_port' });
  await insertGames(db.client, history);
  const model = trainOn(history, 'stats', 20);
  await registerModel(new ModelRegistry(db.client, { logger: silentLogger() }), model, 'nba-winner', '1.0.0', {
    promote: true,
  });
  disposeModel(model);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

async function startApi(): Promise<{ child: ChildProcess; url: string; probeUrl: string }> {
  const child = spawn(process.execPath, [main], {
    env: inheritedEnv({
      DATABASE_URL: db.url,
      PORT: '0',
      PROBE_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MODEL_NAMES: 'nba-winner',
      SHUTDOWN_DRAIN_MS: '3000',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start: ${out}`)), 60_000);
    const poll = setInterval(() => {
      const m = /"probeUrl":"(http:[^"]+)".*"url":"(http:[^"]+)"|"url":"(http:[^"]+)".*"probeUrl":"(http:[^"]+)"/.exec(
        out,
      );
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ child, url: required(m[2] ?? m[3], 'the url'), probeUrl: required(m[1] ?? m[4], 'the probe url') });
    }, 20);
  });
}

const status = (url: string) => fetch(url).then((r) => r.status);

test('the probe port answers /health and /ready, also during a 1,000-request burst on the main port, and /ready turns 503 at SIGTERM', async () => {
  const { child, url, probeUrl } = await startApi();
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  try {
    expect(new URL(probeUrl).port).not.toBe(new URL(url).port);
    expect(await status(`${probeUrl}/health`)).toBe(200);
    const ready = await fetch(`${probeUrl}/ready`);
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({
      status: 200,
      body: { status: 'ready', database: { ok: true } },
    });
    // the main port keeps its probes
    expect(await status(`${url}/health`)).toBe(200);

    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    let bursting = true;
    const pages = Promise.all(
      Array.from(
        { length: 1_000 },
        () =>
          new Promise<number>((resolve) => {
            http
              .get(`${url}/record`, { agent }, (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode ?? 0));
              })
              .on('error', () => resolve(0));
          }),
      ),
    ).finally(() => (bursting = false));
    const probes: number[] = [];
    while (bursting) {
      probes.push(await status(`${probeUrl}/health`), await status(`${probeUrl}/ready`));
      await new Promise((r) => setTimeout(r, 20));
    }
    const answered = await pages;
    expect(answered.filter((s) => s === 0)).toEqual([]);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.filter((s) => s !== 200)).toEqual([]);

    // an idle keep-alive connection holds the drain open while the probe port is watched
    child.kill('SIGTERM');
    let readyStatus = 200;
    for (let i = 0; i < 100 && readyStatus === 200; i++) {
      readyStatus = await status(`${probeUrl}/ready`).catch(() => 0);
      if (readyStatus === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(readyStatus).toBe(503);
    // still alive while draining: liveness must not restart a pod that is stopping
    expect(await status(`${probeUrl}/health`)).toBe(200);
    agent.destroy();
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 180_000);
