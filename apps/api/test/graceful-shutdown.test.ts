import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';
import { keepAliveLoad } from './keep-alive-load';

// A rolling deploy as Kubernetes does it: SIGTERM to the real API process while keep-alive clients
// keep sending. Nothing may fail: answers after the signal say `Connection: close` and the clients
// go elsewhere; no socket a client is about to reuse is reset.

let db: TestDatabase;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 9, days: 120 });
const main = path.join(__dirname, '..', 'dist', 'main.js');

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: path.join(__dirname, '..') });
  db = await createTestDatabase({ prefix: 'api_drain' });
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

async function startApi(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [main], {
    env: inheritedEnv({
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MODEL_NAMES: 'nba-winner',
      SHUTDOWN_DRAIN_MS: '2000',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start: ${out}`)), 60_000);
    const poll = setInterval(() => {
      const m = /"url":"(http:[^"]+)"/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    }, 20);
  });
  return { child, url };
}

const predict = JSON.stringify({ home: 'BOS', away: 'NYK' });
const paths = [
  { method: 'POST', path: '/v1/predict', body: predict },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/v1/models/production' },
];

test.each([8, 32, 64])(
  'SIGTERM under keep-alive load at %i connections: zero failed requests, exit 0',
  async (connections) => {
    const { child, url } = await startApi();
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    const load = keepAliveLoad(url, { connections, paths, deadlineMs: 20_000 });
    await load.warm;
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    const result = await load.done;
    const code = await exited;
    console.log(
      `${connections} connections: ${result.answered} answered, failed ${JSON.stringify(result.failed)}, non-2xx ${JSON.stringify(result.statuses)}`,
    );
    expect(result.failed).toEqual({});
    expect(result.answered).toBeGreaterThan(connections);
    expect(code).toBe(0);
  },
  90_000,
);
