/**
 * `pnpm bench:record`: the record page and the day view on a database with 300 model versions and
 * 50,000 settled forecasts (the demo league's season, both models trained and their forecasts
 * stored, then registry rows of older versions with settled forecasts), and `/health` during a
 * burst of 2,000 concurrent `/record` requests. The API runs as shipped (`dist/main.js`) in its
 * own process. Also, in this process, the data work of the record before and after it moved into
 * PostgreSQL: the old one read every settled forecast and scored them in TypeScript (its SQL and
 * scoring are copied here as the baseline), the new one reads a few rows per recent version.
 * Goals: `/record` and the day view p99 under 50 ms; `/health` p99 under 10 ms during the burst.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { addDays } from '@nba/config';
import type { DbClient } from '@nba/db';
import { accuracy, brier, calibrationBins, logLoss } from '@nba/modeling';
import { createTestDatabase } from '@nba/testing';
import { loadRecords } from '../pages/record-stats';
import { seedDemoForecasts } from './demo-forecasts';
import { API_MAIN, startProcess } from './processes';
import { insertSettledForecasts } from './settled-forecasts';

const SEASON = 2026;
const TODAY = '2026-04-20';
const VERSIONS = 300;
const SETTLED = 50_000;
const SEQUENTIAL = Number(process.env.BENCH_QUICK ? 100 : 400);
const BURST = 2_000;

const log = (m: string) => process.stdout.write(`[bench:record] ${m}\n`);
const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
const fmt = (xs: readonly number[]) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms`;

function timeGet(url: string, agent: http.Agent): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }));
      })
      .on('error', reject);
  });
}

/** The old record's data step (before this change): every settled forecast read, grouped and scored in TypeScript. */
async function oldRecordData(db: DbClient): Promise<number> {
  const rows = await db.$queryRaw<{ version_id: number; date: Date; home_win_prob: number; market_home_prob: number | null; home_won: boolean }[]>`
    SELECT mv.id AS version_id, g.date, p.home_win_prob, p.market_home_prob, p.home_won
      FROM predictions p JOIN model_versions mv ON mv.id = p.model_version_id JOIN games g ON g.id = p.game_id
     WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL
     ORDER BY mv.id, g.date, g.tipoff NULLS LAST, g.id`;
  const byVersion = new Map<number, typeof rows>();
  for (const r of rows) byVersion.set(r.version_id, [...(byVersion.get(r.version_id) ?? []), r]);
  let n = 0;
  for (const list of byVersion.values()) {
    const withMarket = list.filter((f) => f.market_home_prob !== null);
    const compared = withMarket.length ? withMarket : list;
    const y = compared.map((f) => (f.home_won ? 1 : 0));
    const p = compared.map((f) => f.home_win_prob);
    n += logLoss(p, y) + brier(p, y) + accuracy(p, y);
    // the running mean log loss, one pass (as the old record did)
    let sum = 0;
    for (let i = 0; i < compared.length; i++) sum += logLoss([p[i]!], [y[i]!]);
    n += sum;
    n += calibrationBins(
      list.map((f) => f.home_win_prob),
      list.map((f) => (f.home_won ? 1 : 0)),
    ).length;
  }
  return n;
}

async function main(): Promise<void> {
  const db = await createTestDatabase({ prefix: 'api_bench_record' });
  try {
    const seeded = await seedDemoForecasts(db.client, { season: SEASON, today: TODAY, forecastFrom: `${SEASON - 1}-08-01`, forecastTo: addDays(TODAY, -1) });
    const settledNow = await db.client.prediction.count({ where: { settledAt: { not: null } } });
    const versionsNow = await db.client.modelVersion.count();
    const extra = await insertSettledForecasts(db.client, {
      versions: VERSIONS - versionsNow,
      perVersion: Math.ceil((SETTLED - settledNow) / (VERSIONS - versionsNow)),
    });
    const settled = await db.client.prediction.count({ where: { settledAt: { not: null } } });
    const perDay = new Map<string, number>();
    for (const g of seeded.games) if (g.season === SEASON) perDay.set(g.date, (perDay.get(g.date) ?? 0) + 1);
    const day = [...perDay].sort(([a, x], [b, y]) => y - x || b.localeCompare(a))[0]![0];
    log(`${await db.client.modelVersion.count()} versions, ${settled} settled forecasts (${extra.forecasts} added), day view of ${day}`);

    // the data work alone, old and new, alternating, in this process
    const oldMs: number[] = [];
    const newMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await oldRecordData(db.client);
      oldMs.push(performance.now() - t);
      t = performance.now();
      await loadRecords(db.client);
      newMs.push(performance.now() - t);
    }
    log(
      `record data, old (all forecasts scored in TypeScript): ${fmt(oldMs)}; new (SQL, recent versions): ${fmt(newMs)}; ratio of medians ${(quantile(oldMs, 0.5) / quantile(newMs, 0.5)).toFixed(0)}x`,
    );

    const api = await startProcess(API_MAIN, { DATABASE_URL: db.url, LOG_LEVEL: 'error' }, '/ready');
    try {
      const one = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const [label, path] of [
        ['/record', '/record'],
        ['day view', `/?date=${day}`],
      ] as const) {
        for (let i = 0; i < 20; i++) await timeGet(`${api.url}${path}`, one); // warm-up (charts drawn once, then cached)
        const ms: number[] = [];
        let bytes = 0;
        for (let i = 0; i < SEQUENTIAL; i++) {
          const r = await timeGet(`${api.url}${path}`, one);
          if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
          ms.push(r.ms);
          bytes = r.bytes;
        }
        log(`${label}: ${SEQUENTIAL} requests one at a time: ${fmt(ms)}, ${(bytes / 1024).toFixed(0)} KB`);
      }

      const many = new http.Agent({ keepAlive: true, maxSockets: Infinity });
      // a new connection per probe, as the kubelet does
      const probe = new http.Agent({ keepAlive: false, maxSockets: 1 });
      const statuses = new Map<number, number>();
      let bursting = true;
      const burst = Promise.all(
        Array.from({ length: BURST }, () =>
          timeGet(`${api.url}/record`, many).then(
            (r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1),
            () => statuses.set(0, (statuses.get(0) ?? 0) + 1),
          ),
        ),
      ).finally(() => (bursting = false));
      const health: number[] = [];
      const ready = new Map<number, number>();
      while (bursting) {
        health.push((await timeGet(`${api.url}/health`, probe)).ms);
        const r = await timeGet(`${api.url}/ready`, probe);
        ready.set(r.status, (ready.get(r.status) ?? 0) + 1);
      }
      await burst;
      log(`burst of ${BURST} concurrent /record: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      log(
        `/health during the burst (${health.length} requests): ${fmt(health)}, max ${Math.max(...health).toFixed(1)} ms; /ready statuses ${JSON.stringify(Object.fromEntries(ready))}`,
      );
      one.destroy();
      many.destroy();
      probe.destroy();
    } finally {
      await api.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
