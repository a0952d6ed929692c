/**
 * `pnpm bench:page`: the cost of rendering the page's day view, against the JSON route that
 * returns the same day's stored forecasts (`GET /v1/predictions`), in the same run. The database
 * holds the history of a full season: two seasons of the demo's generated league, both models
 * trained on the first, and their forecasts of every game of the second up to the day measured
 * (all settled). The API runs as shipped (`dist/main.js`) in its own process; one client sends
 * requests one at a time over a kept-alive connection, alternating the routes, so each latency is
 * the server's time for one request plus the loopback round trip (an upper bound on server time).
 * Goal: the day view under 20 ms.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { addDays, envFlag, envNumber, readEnv } from '@nba/config';
import { required } from '@nba/errors';
import { createTestDatabase } from '@nba/testing';
import { loadDay } from '../pages/day-data';
import { dayView } from '../pages/day-view';
import { seedDemoForecasts } from './demo-forecasts';
import { API_MAIN, startProcess } from './processes';

const SEASON = 2026;
/** The morning after the generated regular season: every game of it final, forecast and settled. */
const TODAY = '2026-04-20';
const { BENCH_QUICK } = readEnv({ BENCH_QUICK: envFlag() });
const ROUNDS = readEnv({ BENCH_ROUNDS: envNumber(BENCH_QUICK ? 2 : 10) }).BENCH_ROUNDS;
const PER_ROUND = 50;
const GOAL_MS = 20;

function log(message: string): void {
  process.stdout.write(`[bench:page] ${message}\n`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET: milliseconds to the last byte; throws on a status other than 200. */
function timeGet(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ ms: performance.now() - started, bytes })
            : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

async function main(): Promise<void> {
  const db = await createTestDatabase({ prefix: 'api_bench_page' });
  try {
    const started = Date.now();
    const seeded = await seedDemoForecasts(db.client, {
      season: SEASON,
      today: TODAY,
      forecastFrom: `${SEASON - 1}-08-01`,
      forecastTo: addDays(TODAY, -1),
    });
    // the day with the most games (the latest of those): the most a day view draws
    const perDay = new Map<string, number>();
    for (const g of seeded.games) if (g.season === SEASON) perDay.set(g.date, (perDay.get(g.date) ?? 0) + 1);
    const [DAY] = required(
      [...perDay].sort(([a, x], [b, y]) => y - x || b.localeCompare(a))[0],
      'the busiest day of the season',
    );
    log(
      `${seeded.games.length} games (seasons ${SEASON - 1} and ${SEASON}), ${seeded.predictions} stored forecasts over ${seeded.forecastDays.length} days, ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const api = await startProcess(API_MAIN, { DATABASE_URL: db.url, LOG_LEVEL: 'warn' }, '/ready');
    try {
      const targets = {
        page: `${api.url}/?date=${DAY}`,
        json: `${api.url}/v1/predictions?date=${DAY}`,
      };
      const firstRecord = await timeGet(`${api.url}/record`);
      const cachedRecord = await timeGet(`${api.url}/record`);
      log(
        `GET /record (4 charts): first ${firstRecord.ms.toFixed(0)} ms (loads Vega), then ${cachedRecord.ms.toFixed(1)} ms (charts cached)`,
      );
      for (let i = 0; i < PER_ROUND; i++) for (const url of Object.values(targets)) await timeGet(url); // warm-up
      const ms: Record<keyof typeof targets, number[]> = { page: [], json: [] };
      const bytes: Record<keyof typeof targets, number> = { page: 0, json: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [key, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
          for (let i = 0; i < PER_ROUND; i++) {
            const r = await timeGet(url);
            ms[key].push(r.ms);
            bytes[key] = r.bytes;
          }
        }
      }
      const games = (await (await fetch(`${api.url}/v1/games?date=${DAY}`)).json()) as { games: unknown[] };
      // the HTML alone, in this process: the day's data loaded once, the view rendered many times
      const data = await loadDay(db.client, DAY);
      const renders: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const t0 = performance.now();
        dayView(data, { today: TODAY, defaultModel: 'nba-winner' });
        renders.push(performance.now() - t0);
      }
      const row = (name: string, xs: number[], size: number) =>
        `| ${name} | ${quantile(xs, 0.5).toFixed(2)} | ${quantile(xs, 0.95).toFixed(2)} | ${quantile(xs, 0.99).toFixed(2)} | ${(size / 1024).toFixed(1)} KB |`;
      const ratio = quantile(ms.page, 0.5) / quantile(ms.json, 0.5);
      process.stdout.write(
        [
          '',
          `${DAY}: ${games.games.length} games, 2 models; ${ROUNDS} rounds of ${PER_ROUND} requests per route, one at a time, alternating`,
          '| route | median ms | p95 ms | p99 ms | response |',
          '|---|---|---|---|---|',
          row(`GET /?date=${DAY} (day view)`, ms.page, bytes.page),
          row(`GET /v1/predictions?date=${DAY} (JSON)`, ms.json, bytes.json),
          '',
          `HTML rendering alone (in process, ${renders.length} renders): median ${quantile(renders.slice(500), 0.5).toFixed(3)} ms`,
          `day view / JSON (medians): ${ratio.toFixed(2)}x; goal day view p95 < ${GOAL_MS} ms: ${quantile(ms.page, 0.95).toFixed(2)} ms ` +
            `${quantile(ms.page, 0.95) < GOAL_MS ? 'met' : 'NOT met'}`,
          '',
        ].join('\n'),
      );
    } finally {
      await api.stop();
    }
  } finally {
    agent.destroy();
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
