import { required } from '@nba/errors';
import { accuracy, brier, calibrationBins, logLoss } from '@nba/modeling';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { insertSettledForecasts } from '../src/bench/settled-forecasts';
import { evenlySpaced, loadRecords, MAX_RUNNING_POINTS } from '../src/pages/record-stats';
import { insertGames, syntheticHistory } from './fixtures';

// The record's scores come from @nba/db's SQL; they must equal @nba/modeling's TypeScript scoring
// (the definition the backtests and the registry use) on the same rows.

let db: TestDatabase;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 21, days: 150 });

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_scores' });
  await insertGames(db.client, history);
  await insertSettledForecasts(db.client, { versions: 6, perVersion: 400, seed: 3 });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

interface Row {
  date: string;
  p: number;
  market: number | null;
  won: boolean;
}

/** Each version's settled forecasts as the old in-process record read them, in game order. */
async function rowsByVersion(): Promise<Map<number, Row[]>> {
  const rows = await db.client.prediction.findMany({
    where: { settledAt: { not: null }, homeWon: { not: null } },
    select: {
      modelVersionId: true,
      homeWinProb: true,
      marketHomeProb: true,
      homeWon: true,
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
      won: required(r.homeWon, 'a settled outcome'),
    });
    map.set(r.modelVersionId, list);
  }
  return map;
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12);

test('log loss, Brier, accuracy, the running log loss and the calibration bins equal @nba/modeling on the same rows', async () => {
  const records = await loadRecords(db.client, { perName: 100 });
  const rows = await rowsByVersion();
  expect(records.map((r) => r.versionId).sort((a, b) => a - b)).toEqual([...rows.keys()]);
  for (const r of records) {
    const all = required(rows.get(r.versionId), `version ${r.versionId}'s forecasts`);
    const withMarket = all.filter((x) => x.market !== null);
    const compared = withMarket.length > 0 ? withMarket : all;
    const y = compared.map((x) => (x.won ? 1 : 0));
    const p = compared.map((x) => x.p);
    expect({ settled: r.settled, compared: r.compared }).toEqual({ settled: all.length, compared: withMarket.length });
    close(r.model.logLoss, logLoss(p, y));
    close(r.model.brier, brier(p, y));
    close(r.model.accuracy, accuracy(p, y));
    if (withMarket.length > 0) {
      const m = withMarket.map((x) => required(x.market, 'a market probability'));
      const market = required(r.market, "the market's scores");
      close(market.logLoss, logLoss(m, y));
      close(market.brier, brier(m, y));
      close(market.accuracy, accuracy(m, y));
    } else expect(r.market).toBeNull();
    // running: at the end of each day, the mean over every compared game so far
    const days = [...new Set(compared.map((x) => x.date))];
    expect(r.running.map((d) => d.date)).toEqual(evenlySpaced(days, MAX_RUNNING_POINTS));
    expect(r.runningDays).toBe(days.length);
    for (const d of r.running) {
      const upTo = compared.filter((x) => x.date <= d.date);
      expect(d.games).toBe(upTo.length);
      close(
        d.model,
        logLoss(
          upTo.map((x) => x.p),
          upTo.map((x) => (x.won ? 1 : 0)),
        ),
      );
    }
    const bins = calibrationBins(
      all.map((x) => x.p),
      all.map((x) => (x.won ? 1 : 0)),
    );
    expect(r.calibration.map((b) => b.n)).toEqual(bins.map((b) => b.n));
    for (const [i, b] of bins.entries()) {
      if (b.n === 0) continue;
      const shown = required(r.calibration[i], `calibration bin ${i}`);
      close(shown.meanForecast, b.meanForecast);
      close(shown.observed, b.observed);
    }
  }
  // the data covers the edges: a version without lines, and forecasts of exactly 0 and 1 (clipped)
  expect(records.some((r) => r.market === null)).toBe(true);
});

test('the record shows the most recent versions of each model only', async () => {
  const records = await loadRecords(db.client, { perName: 2 });
  const byName = new Map<string, number[]>();
  for (const r of records) byName.set(r.name, [...(byName.get(r.name) ?? []), r.versionId]);
  expect([...byName.values()].map((ids) => ids.length)).toEqual([2, 2]);
  const all = [...(await rowsByVersion()).keys()];
  // newest: the highest ids of each name
  for (const ids of byName.values())
    expect(Math.min(...ids)).toBeGreaterThan(required(all[1], 'the second version id'));
  expect((await loadRecords(db.client, { name: 'nba-winner', perName: 1 })).map((r) => r.name)).toEqual(['nba-winner']);
});
