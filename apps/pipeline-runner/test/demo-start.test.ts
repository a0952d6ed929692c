import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { builtFile, createTestDatabase, type TestDatabase } from '@nba/testing';

// The README's main job in demo mode, as a newcomer runs it (`start`, here without serving and on
// a test database): the record then holds both models' hindcasts of the season so far, and the
// API's record page draws their charts, marked as hindcasts. The cost is printed, never asserted.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));
const apiMain = builtFile(require.resolve('@nba/api/main'));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'pipeline_demo_start' });
});
afterAll(() => db?.drop());

/** Starts the built API on an OS-assigned port; its URL and a stop. */
async function startApi(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [apiMain], {
    env: inheritedEnv({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  for (let waited = 0; waited < 120_000; waited += 100) {
    const m = /"url":"(http:[^"]+)"/.exec(out);
    if (m?.[1]) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return { url: m[1], stop: () => (child.kill('SIGTERM'), exited) };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not start: ${out}`);
}

test('after the demo start the record shows both models’ hindcasts with their charts', async () => {
  const started = Date.now();
  const r = spawnSync(process.execPath, [main, 'start', '--no-serve'], {
    env: inheritedEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'warn' }),
    encoding: 'utf8',
    timeout: 600_000,
  });
  console.log(`demo start (no serve): ${((Date.now() - started) / 1000).toFixed(0)} s\n${r.stdout}`);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^hindcast \d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d: \d+ days with games/m);

  const api = await startApi();
  try {
    // the first start promoted its candidates, so the API can serve (a refused one leaves it never ready)
    let ready = { status: 0, body: '' };
    for (let waited = 0; waited < 60_000 && ready.status !== 200; waited += 500) {
      const res = await fetch(`${api.url}/ready`);
      ready = { status: res.status, body: await res.text() };
      if (ready.status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(ready).toMatchObject({ status: 200 });
    const page = await (await fetch(`${api.url}/record`)).text();
    for (const name of ['nba-winner', 'nba-winner-stats']) {
      const section =
        new RegExp(
          `<section class="version"[^>]*data-model="${name}" data-version="hindcast">([\\s\\S]*?)</section>`,
        ).exec(page)?.[1] ?? '';
      expect(section).toContain('<span class="status status-hindcast">hindcast</span>');
      // the running log loss against the market and the calibration chart, each drawn as SVG
      expect(section.match(/<svg/g)?.length).toBe(2);
      expect(section).toMatch(/On the \d+ settled games with a market line/);
    }
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^model_live_settled_predictions\{model="nba-winner",version="hindcast",kind="hindcast"\} [1-9]\d*$/m,
    );
  } finally {
    await api.stop();
  }
}, 900_000);
