/**
 * `pnpm bench:record`: the record page and the day view on a database with 300 model versions and
 * 50,000 settled forecasts (the demo league's season, both models trained and their forecasts
 * stored, both models' hindcasts of the whole season so far (weekly retrains, through
 * @nba/lifecycle's `hindcast`; `BENCH_NO_HINDCAST=1` leaves them out), then registry rows of older
 * versions with settled forecasts), and `/health` during
 * bursts of concurrent `/record` requests. The API runs as shipped (`dist/main.js`) in its own
 * process; `BENCH_BASELINE_MAIN=<path to another build's dist/main.js>` measures that build the
 * same way in the same run (the previous implementation, built from an older commit), so the two
 * compare under the same machine load.
 *
 * Per build: each page one request at a time with its render cached (warm), each page's first
 * request after a data change (a settlement, then the API's 2 s recheck), then bursts of 2,000 and
 * 200 concurrent `/record` right after a data change, with `/health` probed every 5 ms on a new
 * connection by a separate process (hundreds of probes, so its p99 is a real one), and a bare Express
 * hello-world server in its own process probed the same way at the same time: the floor, what any
 * server's answer costs on this machine during the burst (the bench's own clients share its cores).
 * Goals: `/record` and the day view p99 under 50 ms; `/health` p99 under 10 ms during the burst.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, envFlag, envText, readEnv } from '@nba/config';
import { required } from '@nba/errors';
import { loadFeatureInputs } from '@nba/ingestion';
import { dailyModels, hindcast, settleForecasts } from '@nba/lifecycle';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase } from '@nba/testing';
import { seedDemoForecasts } from './demo-forecasts';
import { API_MAIN, startProcess } from './processes';
import { burst, changeData, firstRenders, fmt, load1, ratio, sequential, warmUp } from './record-measure';
import { insertSettledForecasts } from './settled-forecasts';

const SEASON = 2026;
const TODAY = '2026-04-20';
const VERSIONS = 300;
const SETTLED = 50_000;
const knobs = readEnv({
  BENCH_QUICK: envFlag(),
  BENCH_BURSTS: envText(),
  BENCH_BASELINE_MAIN: envText(),
  BENCH_NO_HINDCAST: envFlag(),
});
const QUICK = knobs.BENCH_QUICK;
const SEQUENTIAL = QUICK ? 100 : 400;
const FIRST_RENDERS = QUICK ? 5 : 15;
/** Burst sizes; `g` after a size: the requests accept gzip, as browsers' do (`BENCH_BURSTS=2000,2000g,200`). */
const BURSTS = (knobs.BENCH_BURSTS ?? '2000,2000g,200')
  .split(',')
  .map((b) => ({ size: Number(b.replace('g', '')), gzip: b.endsWith('g') }));
const PROBE_MS = 5;

const log = (m: string) => process.stdout.write(`[bench:record] ${m}\n`);

async function main(): Promise<void> {
  const builds: [string, string][] = [['current', API_MAIN]];
  if (knobs.BENCH_BASELINE_MAIN) builds.push(['baseline', knobs.BENCH_BASELINE_MAIN]);
  const db = await createTestDatabase({ prefix: 'api_bench_record' });
  try {
    const seeded = await seedDemoForecasts(db.client, {
      season: SEASON,
      today: TODAY,
      forecastFrom: `${SEASON - 1}-08-01`,
      forecastTo: addDays(TODAY, -1),
    });
    if (!knobs.BENCH_NO_HINDCAST) {
      const started = performance.now();
      const first = required(
        seeded.games
          .filter((g) => g.season === SEASON)
          .map((g) => g.date)
          .sort()[0],
        'the season start',
      );
      const h = await hindcast(
        { db: db.client, registry: new ModelRegistry(db.client, { logger: silentLogger() }), logger: silentLogger() },
        await loadFeatureInputs(db.client),
        {
          from: first,
          to: addDays(TODAY, -1),
          models: dailyModels('nba-winner'),
          isDemo: true,
        },
      );
      await settleForecasts(db.client);
      log(
        `hindcasts ${first}..${addDays(TODAY, -1)}: ${h.windows.length} model windows, ${h.windows.reduce((n, w) => n + w.stored, 0)} forecasts, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const settledNow = await db.client.prediction.count({ where: { settledAt: { not: null } } });
    const versionsNow = await db.client.modelVersion.count();
    await insertSettledForecasts(db.client, {
      versions: VERSIONS - versionsNow,
      perVersion: Math.ceil((SETTLED - settledNow) / (VERSIONS - versionsNow)),
    });
    const settled = await db.client.prediction.count({ where: { settledAt: { not: null } } });
    const perDay = new Map<string, number>();
    for (const g of seeded.games) if (g.season === SEASON) perDay.set(g.date, (perDay.get(g.date) ?? 0) + 1);
    const [day] = required(
      [...perDay].sort(([a, x], [b, y]) => y - x || b.localeCompare(a))[0],
      'the busiest day of the season',
    );
    log(
      `${await db.client.modelVersion.count()} versions, ${settled} settled forecasts, day view of ${day}; ${builds.map((b) => b[0]).join(' and ')}`,
    );
    const pages: [string, string][] = [
      ['/record', '/record'],
      ['day view', `/?date=${day}`],
    ];

    // the floor: a bare Express hello-world server in its own process, probed beside the probe port during each burst
    const floor = await startProcess(path.join(__dirname, 'hello.js'), {}, '/hello');
    try {
      for (const [build, main] of builds) {
        const api = await startProcess(main, { DATABASE_URL: db.url, LOG_LEVEL: 'error' }, '/ready');
        try {
          for (const [label, p] of pages) {
            const started = performance.now();
            await warmUp(`${api.url}${p}`);
            log(`${build} ${label}: first 200 after start ${(performance.now() - started).toFixed(0)} ms`);
            await sequential(`${api.url}${p}`, 20); // warm-up
            const n = build === 'baseline' ? Math.min(SEQUENTIAL, 100) : SEQUENTIAL;
            const loadBefore = load1();
            const { ms, bytes, failed } = await sequential(`${api.url}${p}`, n);
            log(
              `${build} ${label} warm, one at a time: ${fmt(ms)}, ${(bytes / 1024).toFixed(0)} KB, not 200: ${JSON.stringify(failed)}; load ${loadBefore}-${load1()}`,
            );
          }
          const loadBefore = load1();
          const first = await firstRenders(
            db.client,
            api.url,
            pages.map((x) => x[1]),
            FIRST_RENDERS,
          );
          for (const [k, [label]] of pages.entries()) {
            const { ms, failed } = required(first[k], `the first renders of ${label}`);
            log(
              `${build} ${label} first request after a data change: ${fmt(ms)}, not 200: ${failed.join(',') || 'none'}; load ${loadBefore}-${load1()}`,
            );
          }
          for (const { size, gzip } of BURSTS) {
            await changeData(db.client);
            const b = await burst(
              api.url,
              api.probeUrl,
              '/record',
              size,
              `${floor.url}/hello`,
              PROBE_MS,
              gzip ? { 'accept-encoding': 'gzip' } : {},
            );
            log(
              `${build} burst of ${size} concurrent /record${gzip ? ' accepting gzip' : ''} (after a data change): statuses ${JSON.stringify(b.statuses)}; ` +
                `/health ${fmt(b.health)} statuses ${JSON.stringify(b.healthStatuses)}; probe-port /health ${fmt(b.probePortHealth)} statuses ${JSON.stringify(b.probePortStatuses)}; ` +
                `bare server (floor) ${fmt(b.floor)}, probe-port p99 / floor p99 ${ratio(b.probePortHealth, b.floor)}; /ready ${JSON.stringify(b.ready)}; load ${b.load}`,
            );
          }
        } finally {
          await api.stop();
        }
      }
    } finally {
      await floor.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
