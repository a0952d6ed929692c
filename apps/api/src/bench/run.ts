/**
 * `pnpm bench`: autocannon against `POST /v1/predict`, `GET /v1/predictions` and a bare Express
 * hello-world route, each server in its own process, in alternating rounds so that all three see
 * the same machine load. Goals: predict throughput at least 60% of hello-world's, p99 under 10 ms
 * at 10 connections.
 */
import path from 'node:path';
import { envFlag, envNumber, envText, readEnv } from '@nba/config';
import { TEAM_CODES } from '@nba/features';
import { API_MAIN, load, startProcess, type LoadResult } from './processes';
import { prepareBenchDatabase } from './setup';

const CONNECTIONS = 10;
const { BENCH_QUICK } = readEnv({ BENCH_QUICK: envFlag() });
const knobs = readEnv({
  BENCH_SECONDS: envNumber(BENCH_QUICK ? 3 : 10),
  BENCH_ROUNDS: envNumber(BENCH_QUICK ? 1 : 3),
  BENCH_ONLY: envText(),
});
const SECONDS = knobs.BENCH_SECONDS;
const ROUNDS = knobs.BENCH_ROUNDS;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}

async function main(): Promise<void> {
  const bench = await prepareBenchDatabase();
  if (!bench) return;
  const api = await startProcess(API_MAIN, { DATABASE_URL: bench.db.url, LOG_LEVEL: 'info' }, '/ready');
  // the same API with its forecast cache off: every request computes features, three boosters and SHAP
  const uncached = await startProcess(
    API_MAIN,
    { DATABASE_URL: bench.db.url, LOG_LEVEL: 'info', PREDICT_CACHE_SIZE: '0' },
    '/ready',
  );
  const hello = await startProcess(path.join(__dirname, 'hello.js'), {}, '/hello');
  try {
    // every ordered pair of teams, default date (the next day after the history), default explain (top 5 SHAP)
    const bodies = TEAM_CODES.flatMap((h) =>
      TEAM_CODES.filter((a) => a !== h).map((a) => JSON.stringify({ home: h, away: a })),
    );
    const targets = {
      hello: () =>
        load('hello-world (bare Express)', `${hello.url}/hello`, { seconds: SECONDS, connections: CONNECTIONS }),
      predict: () =>
        load('POST /v1/predict', `${api.url}/v1/predict`, {
          seconds: SECONDS,
          connections: CONNECTIONS,
          method: 'POST',
          bodies,
        }),
      uncached: () =>
        load('POST /v1/predict, cache off', `${uncached.url}/v1/predict`, {
          seconds: SECONDS,
          connections: CONNECTIONS,
          method: 'POST',
          bodies,
        }),
      predictions: () =>
        load('GET /v1/predictions', `${api.url}/v1/predictions?date=${bench.predictionsDate}`, {
          seconds: SECONDS,
          connections: CONNECTIONS,
        }),
    };
    // BENCH_ONLY=predict,hello: run a subset (profiling)
    const only = knobs.BENCH_ONLY?.split(',');
    if (only)
      for (const k of Object.keys(targets) as (keyof typeof targets)[])
        if (!only.includes(k)) delete (targets as Partial<typeof targets>)[k];
    process.stdout.write('[bench] warm-up\n');
    for (const run of Object.values(targets)) await run();
    const results: Partial<Record<keyof typeof targets, LoadResult[]>> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [key, run] of Object.entries(targets) as [keyof typeof targets, () => Promise<LoadResult>][]) {
        const r = await run();
        (results[key] ??= []).push(r);
        process.stdout.write(
          `[bench] round ${round} ${r.name}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}\n`,
        );
      }
    }
    const helloRps = median((results.hello ?? []).map((r) => r.requestsPerSec));
    const lines = [
      `| endpoint | req/s (median of ${ROUNDS}) | p50 ms | p99 ms (median / worst) | vs hello-world | non-2xx |`,
      '|---|---|---|---|---|---|',
    ];
    for (const rs of Object.values<LoadResult[]>(results)) {
      const rps = median(rs.map((r) => r.requestsPerSec));
      lines.push(
        `| ${rs[0]?.name} | ${rps.toFixed(0)} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} / ${Math.max(...rs.map((r) => r.p99))} | ` +
          `${((100 * rps) / helloRps).toFixed(0)}% | ${rs.reduce((s, r) => s + r.non2xx + r.errors, 0)} |`,
      );
    }
    process.stdout.write(
      `\n${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating rounds\n${lines.join('\n')}\n`,
    );
    const ratio = median((results.predict ?? []).map((r) => r.requestsPerSec)) / helloRps;
    const p99 = median((results.predict ?? []).map((r) => r.p99));
    process.stdout.write(
      `\ngoal predict >= 60% of hello-world: ${(ratio * 100).toFixed(0)}% ${ratio >= 0.6 ? 'met' : 'NOT met'}; goal p99 < 10 ms: ${p99} ms ` +
        `${p99 < 10 ? 'met' : 'NOT met'}\n`,
    );
  } finally {
    await api.stop();
    await uncached.stop();
    await hello.stop();
    await bench.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
