/**
 * `pnpm soak`: 60 seconds of mixed load (on-demand forecasts across every matchup, small batches,
 * stored predictions, readiness) with one promotion of a new model version in the middle.
 * Pass: zero non-2xx responses and errors, the new version serving at the end, and the server's
 * memory after the soak at most 20% above before (both after a warm-up and a full garbage collection,
 * so retained memory is compared, not garbage awaiting collection).
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { envFlag, envNumber, envText, readEnv } from '@nba/config';
import { TEAM_CODES } from '@nba/features';
import { API_MAIN, startProcess } from './processes';
import { prepareBenchDatabase } from './setup';

const knobs = readEnv({ SOAK_SECONDS: envNumber(60), SOAK_TRIM_PROBE: envText(), SOAK_NO_PROMOTION: envFlag() });
const SECONDS = knobs.SOAK_SECONDS;

interface Memory {
  rss: number;
  heap: number;
  heapTotal: number;
  external: number;
}

/** The server's memory after a full garbage collection (see gc-probe.ts). */
function memory(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: {
      type?: string;
      rss: number;
      heapUsed: number;
      heapTotal: number;
      external: number;
      collected: boolean;
    }) => {
      if (msg.type !== 'memory') return;
      child.off('message', onMessage);
      if (!msg.collected) reject(new Error('the server was started without --expose-gc'));
      else resolve({ rss: msg.rss, heap: msg.heapUsed, heapTotal: msg.heapTotal, external: msg.external });
    };
    child.on('message', onMessage);
    child.send({ type: 'measure' });
  });
}

const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

async function main(): Promise<void> {
  const bench = await prepareBenchDatabase();
  if (!bench) return;
  const second = await bench.registerSecond();
  const api = await startProcess(API_MAIN, { DATABASE_URL: bench.db.url, LOG_LEVEL: 'info' }, '/ready', [
    '--expose-gc',
    ...(knobs.SOAK_TRIM_PROBE ? ['--require', knobs.SOAK_TRIM_PROBE] : []),
    '--require',
    path.join(__dirname, 'gc-probe.js'),
  ]);
  try {
    const pairs = TEAM_CODES.flatMap((h) => TEAM_CODES.filter((a) => a !== h).map((a) => ({ home: h, away: a })));
    let i = 0;
    const next = () => pairs[i++ % pairs.length] as { home: string; away: string };
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/v1/predict',
        headers: { 'content-type': 'application/json' },
        setupRequest: (r) => ({ ...r, body: JSON.stringify(next()) }),
      },
      {
        method: 'POST',
        path: '/v1/predict',
        headers: { 'content-type': 'application/json' },
        setupRequest: (r) => ({ ...r, body: JSON.stringify({ ...next(), neutral: true, explain: 10 }) }),
      },
      {
        method: 'POST',
        path: '/v1/predict/batch',
        headers: { 'content-type': 'application/json' },
        setupRequest: (r) => ({ ...r, body: JSON.stringify({ matchups: [next(), next(), next()] }) }),
      },
      { method: 'GET', path: `/v1/predictions?date=${bench.predictionsDate}` },
      { method: 'GET', path: '/ready' },
    ];
    const run = (seconds: number) => autocannon({ url: api.url, connections: 10, duration: seconds, requests });
    // warm-up: JIT, connection pool, and the forecast cache filled for the matchups cycled
    await run(10);
    await new Promise((r) => setTimeout(r, 1000));
    const before = await memory(api.child);
    process.stdout.write(
      `[soak] before: rss ${mb(before.rss)}, heap ${mb(before.heap)}; ${SECONDS} s of load, promotion of ${second} at ${SECONDS / 2} s\n`,
    );
    let promotedAt = 0;
    const promote = !knobs.SOAK_NO_PROMOTION;
    const promotion = new Promise<void>((resolve, reject) => {
      if (!promote) return resolve();
      setTimeout(
        () => {
          promotedAt = Date.now();
          bench.registry
            .promoteVersion('nba-winner', second, { actor: 'api-soak', reason: 'soak test' })
            .then(() => resolve(), reject);
        },
        (SECONDS / 2) * 1000,
      );
    });
    const started = Date.now();
    const result = await run(SECONDS);
    const duration = (Date.now() - started) / 1000;
    await promotion;
    await new Promise((r) => setTimeout(r, 6000)); // the replaced model is freed 5 s after the swap
    const after = await memory(api.child);
    const ready = (await (await fetch(`${api.url}/ready`)).json()) as { model: { version: string } | null };
    const rssChange = after.rss / before.rss - 1;
    const heapChange = after.heap / before.heap - 1;
    const lines = [
      `duration ${duration.toFixed(0)} s, promotion at ${((promotedAt - started) / 1000).toFixed(0)} s`,
      `requests ${result.requests.total} (${result.requests.average.toFixed(0)} req/s), 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ` +
        `${result.errors}, timeouts ${result.timeouts}`,
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `serving after: ${ready.model?.version ?? 'none'}`,
      `memory before ${mb(before.rss)} rss / ${mb(before.heap)} heap used (${mb(before.heapTotal)} heap total, ${mb(before.external)} external); after ` +
        `${mb(after.rss)} rss / ${mb(after.heap)} heap used (${mb(after.heapTotal)} total, ${mb(after.external)} external)`,
      `change ${(100 * rssChange).toFixed(1)}% rss, ${(100 * heapChange).toFixed(1)}% heap used`,
    ];
    const ok =
      result.non2xx === 0 &&
      result.errors === 0 &&
      result.timeouts === 0 &&
      ready.model?.version === (promote ? second : '1.0.0') &&
      rssChange <= 0.2 &&
      heapChange <= 0.2;
    process.stdout.write(`[soak] ${lines.join('\n[soak] ')}\n[soak] ${ok ? 'PASS' : 'FAIL'}\n`);
    if (!ok) process.exitCode = 1;
  } finally {
    await api.stop();
    await bench.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
