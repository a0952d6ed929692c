import { addDays, TEAM_CODES } from '@nba/config';
import {
  calibration,
  liveScores,
  recentScoredVersions,
  rollingRecords,
  runningLogLoss,
  versionScores,
  type DbClient,
} from '@nba/db';
import { settleForecasts } from '../src';
import { accuracy, brier, calibrationBins, logLoss } from '@nba/modeling';
import { createTestDatabase, type TestDatabase } from '@nba/testing';

// The one SQL definition of the scores (@nba/db forecast-scores: settlement, the record page,
// /metrics) must equal the one TypeScript definition (@nba/modeling metrics: backtests, training,
// the registry) on the same rows, clipping included. Here, where both can be imported.

let db: TestDatabase;
const VERSIONS = 6;
const PER_VERSION = 400;
const NAMES = ['nba-winner', 'nba-winner-stats'];

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

/** 600 final games over 150 days; then `VERSIONS` versions (alternately the two names) with unsettled forecasts of them. */
async function seed(client: DbClient): Promise<void> {
  const rand = lcg(21);
  const games = Array.from({ length: 600 }, (_, i) => {
    const date = addDays('2023-10-24', Math.floor(i / 4));
    const home = TEAM_CODES[(i * 7) % 30] as string;
    const away = TEAM_CODES[(i * 7 + 1 + (i % 29)) % 30] as string;
    const homeScore = 90 + Math.floor(rand() * 40);
    const awayScore = 90 + Math.floor(rand() * 40);
    return {
      gameKey: `${date.replaceAll('-', '')}_${away}_${home}_${i}`,
      season: 2024,
      date: new Date(`${date}T00:00:00Z`),
      homeCode: home,
      awayCode: away,
      status: 'final' as const,
      homeScore,
      awayScore: awayScore === homeScore ? awayScore + 1 : awayScore,
      source: 'test',
    };
  });
  await client.game.createMany({ data: games });
  const ids = (await client.game.findMany({ select: { id: true }, orderBy: [{ date: 'asc' }, { id: 'asc' }] })).map(
    (g) => g.id,
  );
  // the edges: exactly 0 and 1 (clipped), 0.5 (counts as home), bin bounds, and beyond the clip
  const edges = [0, 1, 0.5, 0.1, 0.2, 0.9, 1e-16, 1 - 1e-16];
  for (let v = 0; v < VERSIONS; v++) {
    const { id } = await client.modelVersion.create({
      data: {
        name: NAMES[v % 2] as string,
        version: `0.${Math.floor(v / 2)}.0`,
        featureSpec: {},
        params: {},
        metrics: {},
        createdBy: 'test',
      },
      select: { id: true },
    });
    const start = Math.floor(rand() * ids.length);
    await client.prediction.createMany({
      data: Array.from({ length: PER_VERSION }, (_, i) => {
        const p = i < edges.length ? (edges[i] as number) : 0.05 + 0.9 * rand();
        // the first version of each name has no lines at all
        const market = v < 2 || rand() < 0.15 ? null : Math.min(0.97, Math.max(0.03, p + (rand() - 0.5) * 0.2));
        return {
          gameId: ids[(start + i) % ids.length] as number,
          modelVersionId: id,
          homeWinProb: p,
          marketHomeProb: market,
        };
      }),
    });
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'lifecycle_scores' });
  await seed(db.client);
  expect(await settleForecasts(db.client)).toMatchObject({
    settled: VERSIONS * PER_VERSION,
    resettled: 0,
    unsettled: 0,
  });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

interface Row {
  date: string;
  p: number;
  market: number | null;
  won: boolean;
  logLoss: number;
  brier: number;
}

/** Each version's settled forecasts as settlement stored them, in game order. */
async function rowsByVersion(): Promise<Map<number, Row[]>> {
  const rows = await db.client.prediction.findMany({
    where: { settledAt: { not: null }, homeWon: { not: null } },
    select: {
      modelVersionId: true,
      homeWinProb: true,
      marketHomeProb: true,
      homeWon: true,
      logLoss: true,
      brier: true,
      game: { select: { date: true } },
    },
    orderBy: [{ modelVersionId: 'asc' }, { game: { date: 'asc' } }],
  });
  const map = new Map<number, Row[]>();
  for (const r of rows) {
    const list = map.get(r.modelVersionId) ?? [];
    list.push({
      date: r.game.date.toISOString().slice(0, 10),
      p: r.homeWinProb,
      market: r.marketHomeProb,
      won: r.homeWon === true,
      logLoss: r.logLoss ?? NaN,
      brier: r.brier ?? NaN,
    });
    map.set(r.modelVersionId, list);
  }
  return map;
}

const close = (a: number | null | undefined, b: number) => expect(Math.abs((a ?? NaN) - b)).toBeLessThan(1e-12);
const outcomes = (rows: readonly Row[]) => rows.map((x) => (x.won ? 1 : 0));

test("settlement stores each forecast's log loss and Brier as @nba/modeling scores it", async () => {
  const rows = [...(await rowsByVersion()).values()].flat();
  expect(rows).toHaveLength(VERSIONS * PER_VERSION);
  for (const r of rows) {
    close(r.logLoss, logLoss([r.p], [r.won ? 1 : 0]));
    close(r.brier, brier([r.p], [r.won ? 1 : 0]));
  }
});

test('log loss, Brier, accuracy, the running log loss and the calibration bins of the record equal @nba/modeling on the same rows', async () => {
  const ids = (await recentScoredVersions(db.client, { perName: 100 })).map((v) => v.id);
  const [scores, running, bins] = [
    await versionScores(db.client, ids),
    await runningLogLoss(db.client, ids),
    await calibration(db.client, ids),
  ];
  const rows = await rowsByVersion();
  expect(scores.map((s) => s.versionId).sort((a, b) => a - b)).toEqual([...rows.keys()]);
  for (const s of scores) {
    const all = rows.get(s.versionId) as Row[];
    const withMarket = all.filter((x) => x.market !== null);
    const compared = withMarket.length > 0 ? withMarket : all;
    const y = outcomes(compared);
    const p = compared.map((x) => x.p);
    expect({ settled: s.settled, compared: s.compared }).toEqual({ settled: all.length, compared: withMarket.length });
    close(s.logLoss, logLoss(p, y));
    close(s.brier, brier(p, y));
    close(s.accuracy, accuracy(p, y));
    if (withMarket.length > 0) {
      const m = withMarket.map((x) => x.market as number);
      close(s.marketLogLoss, logLoss(m, y));
      close(s.marketBrier, brier(m, y));
      close(s.marketAccuracy, accuracy(m, y));
    } else expect(s.marketLogLoss).toBeNull();
    // running: at the end of each day, the mean over every compared game so far
    const mine = running.filter((d) => d.versionId === s.versionId);
    expect(mine.map((d) => d.date.toISOString().slice(0, 10))).toEqual([...new Set(compared.map((x) => x.date))]);
    for (const d of mine) {
      const upTo = compared.filter((x) => x.date <= d.date.toISOString().slice(0, 10));
      expect(d.games).toBe(upTo.length);
      close(
        d.logLoss,
        logLoss(
          upTo.map((x) => x.p),
          outcomes(upTo),
        ),
      );
    }
    const expected = calibrationBins(
      all.map((x) => x.p),
      outcomes(all),
    );
    const got = bins.filter((b) => b.versionId === s.versionId);
    expect(got.map((b) => [b.bin, b.n])).toEqual(expected.flatMap((b, i) => (b.n > 0 ? [[i, b.n]] : [])));
    for (const b of got) {
      close(b.meanForecast, expected[b.bin]?.meanForecast ?? NaN);
      close(b.observed, expected[b.bin]?.observed ?? NaN);
    }
  }
  // the data covers the edges: versions without lines
  expect(scores.some((s) => s.compared === 0)).toBe(true);
});

test("/metrics' live and rolling scores equal @nba/modeling on the same rows", async () => {
  const rows = await rowsByVersion();
  const live = await liveScores(db.client);
  const rolling = await rollingRecords(db.client, 10_000);
  const last50 = await rollingRecords(db.client, 50);
  expect(live).toHaveLength(VERSIONS);
  const versions = await db.client.modelVersion.findMany({ select: { id: true, name: true, version: true } });
  for (const v of versions) {
    const all = rows.get(v.id) as Row[];
    const l = live.find((x) => x.name === v.name && x.version === v.version);
    expect(l?.settled).toBe(all.length);
    close(
      l?.logLoss,
      logLoss(
        all.map((x) => x.p),
        outcomes(all),
      ),
    );
    close(
      l?.brier,
      brier(
        all.map((x) => x.p),
        outcomes(all),
      ),
    );
    close(
      l?.accuracy,
      accuracy(
        all.map((x) => x.p),
        outcomes(all),
      ),
    );
    const r = rolling.find((x) => x.name === v.name && x.version === v.version);
    const withMarket = all.filter((x) => x.market !== null);
    if (withMarket.length === 0) {
      expect(r).toBeUndefined();
      continue;
    }
    const y = outcomes(withMarket);
    expect(r?.games).toBe(withMarket.length);
    close(
      r?.logLoss,
      logLoss(
        withMarket.map((x) => x.p),
        y,
      ),
    );
    close(
      r?.brier,
      brier(
        withMarket.map((x) => x.p),
        y,
      ),
    );
    close(
      r?.marketLogLoss,
      logLoss(
        withMarket.map((x) => x.market as number),
        y,
      ),
    );
    close(
      r?.marketBrier,
      brier(
        withMarket.map((x) => x.market as number),
        y,
      ),
    );
    expect(last50.find((x) => x.name === v.name && x.version === v.version)?.games).toBe(
      Math.min(50, withMarket.length),
    );
  }
});

test('the record takes the most recent versions of each model only', async () => {
  const byName = new Map<string, number[]>();
  for (const v of await recentScoredVersions(db.client, { perName: 2 }))
    byName.set(v.name, [...(byName.get(v.name) ?? []), v.id]);
  expect([...byName.values()].map((ids) => ids.length)).toEqual([2, 2]);
  const all = [...(await rowsByVersion()).keys()];
  // newest: the highest ids of each name
  for (const ids of byName.values()) expect(Math.min(...ids)).toBeGreaterThan(all[1] as number);
  expect((await recentScoredVersions(db.client, { name: 'nba-winner', perName: 1 })).map((v) => v.name)).toEqual([
    'nba-winner',
  ]);
});

test("a model's hindcasts, made by a new version every retrain window, are one series of kind hindcast beside its live versions", async () => {
  const before = await recentScoredVersions(db.client, { perName: 100 });
  const games = (await db.client.game.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 40 })).map(
    (g) => g.id,
  );
  const windows = [games.slice(0, 20), games.slice(20)];
  for (const [w, ids] of windows.entries()) {
    const { id } = await db.client.modelVersion.create({
      data: {
        name: 'nba-winner',
        version: `0.0.0-hindcast.2023-1${w}-01`,
        kind: 'hindcast',
        featureSpec: {},
        params: {},
        metrics: {},
        createdBy: 'test',
      },
      select: { id: true },
    });
    await db.client.prediction.createMany({
      data: ids.map((gameId, i) => ({ gameId, modelVersionId: id, homeWinProb: 0.3 + i / 50, marketHomeProb: 0.5 })),
    });
  }
  await settleForecasts(db.client);
  const after = await recentScoredVersions(db.client, { perName: 100 });
  const hindcasts = after.filter((v) => v.kind === 'hindcast');
  expect(hindcasts).toHaveLength(1);
  expect(after.filter((v) => v.kind === 'live')).toEqual(before);
  const series = hindcasts[0]?.id ?? 0;
  expect(series).toBeLessThan(0);
  const [scores] = await versionScores(db.client, [series]);
  expect(scores).toMatchObject({
    name: 'nba-winner',
    version: 'hindcast',
    kind: 'hindcast',
    settled: 40,
    compared: 40,
  });
  expect((await runningLogLoss(db.client, [series])).at(-1)?.games).toBe(40);
  expect((await calibration(db.client, [series])).reduce((n, b) => n + b.n, 0)).toBe(40);
  const live = await liveScores(db.client);
  expect(live.filter((r) => r.kind === 'hindcast')).toEqual([
    expect.objectContaining({ name: 'nba-winner', version: 'hindcast', settled: 40 }),
  ]);
  expect((await rollingRecords(db.client, 10_000)).filter((r) => r.kind === 'hindcast')).toEqual([
    expect.objectContaining({ name: 'nba-winner', games: 40 }),
  ]);
});
