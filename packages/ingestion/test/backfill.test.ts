import { ApiBasketballStandIn, OddsApiStandIn, leagueAsOf, CLOSE_BEFORE_MS } from '@nba/demo';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import {
  ApiBasketballClient,
  OddsApiClient,
  backfillSeasonByDate,
  closingLines,
  ingestHistoricalOdds,
  ingestSeason,
} from '../src';
import { FAST, captureLogger, testLeague } from './helpers';
import { required } from '@nba/errors';

const KEY = 'backfill-key-5555555';

describe('backfill of a full season from the stand-ins with 20% of requests failing', () => {
  const league = testLeague();
  const today = '2025-03-01';
  const source = leagueAsOf(league, today);
  const logger = captureLogger();
  const basketball = new ApiBasketballStandIn({ games: source, apiKey: KEY, retryAfterSeconds: 0, slowMs: 600 });
  const odds = new OddsApiStandIn({ games: source, apiKey: KEY, retryAfterSeconds: 0, slowMs: 600 });
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await Promise.all([basketball.start(), odds.start()]);
  });
  afterAll(async () => {
    await Promise.all([basketball.close(), odds.close()]);
    await db?.drop();
  });

  async function storedGames() {
    return db.client.game.findMany({ orderBy: { gameKey: 'asc' } });
  }

  it('stores every game once and nothing else, and a second run changes nothing', async () => {
    basketball.setFaults({ rate: 0.2, seed: 2025 });
    const client = new ApiBasketballClient({ baseUrl: basketball.url, apiKey: KEY, logger, ...FAST });
    const first = await backfillSeasonByDate(db.client, client, 2025, { logger });
    expect(first.failedDates).toEqual([]);
    expect(first.dates).toBe(244); // 2024-10-22 .. 2025-06-22
    expect(first).toMatchObject({ fetched: 1230, inserted: 1230, updated: 0, unchanged: 0, rejected: 0 });
    // Faults really happened, of every transient kind.
    expect(basketball.injectedFaults.size).toBe(7);
    expect([...basketball.injectedFaults.values()].reduce((a, b) => a + b)).toBeGreaterThan(30);

    const rows = await storedGames();
    expect(rows.map((r) => r.gameKey)).toEqual(source.map((g) => g.gameKey).sort());
    const byKey = new Map(source.map((g) => [g.gameKey, g]));
    for (const r of rows) {
      const g = required(byKey.get(r.gameKey), `the source of ${r.gameKey}`);
      expect([r.status, r.homeScore, r.awayScore, r.apiBasketballId, r.season, r.tipoff?.getTime()]).toEqual([
        g.status,
        g.homeScore,
        g.awayScore,
        g.apiBasketballId,
        2025,
        g.tipoff.getTime(),
      ]);
    }
    expect(rows.filter((r) => r.status === 'final')).toHaveLength(source.filter((g) => g.date < today).length);

    const second = await backfillSeasonByDate(db.client, client, 2025, { logger });
    expect(second).toMatchObject({ fetched: 1230, inserted: 0, updated: 0, unchanged: 1230, failedDates: [] });
    expect(await db.client.game.count()).toBe(1230);
  });

  it('ingests the same season through paging with faults: nothing changes', async () => {
    const paged = new ApiBasketballStandIn({
      games: source,
      apiKey: KEY,
      retryAfterSeconds: 0,
      slowMs: 600,
      pageSize: 50,
    });
    await paged.start();
    try {
      paged.setFaults({ rate: 0.2, seed: 9 });
      const client = new ApiBasketballClient({ baseUrl: paged.url, apiKey: KEY, logger, ...FAST });
      const s = await ingestSeason(db.client, client, 2025, { logger });
      expect(s).toMatchObject({ fetched: 1230, inserted: 0, updated: 0, unchanged: 1230, rejected: 0 });
    } finally {
      await paged.close();
    }
  });

  it('backfills line history from historical odds with faults, and closing lines match the source', async () => {
    odds.setFaults({ rate: 0.2, seed: 77 });
    const client = new OddsApiClient({ baseUrl: odds.url, apiKey: KEY, logger, ...FAST });
    const games = source.filter((g) => g.date >= '2025-01-10' && g.date <= '2025-01-12');
    // One snapshot time per game just after its closing line, as a backfill job would ask.
    const times = [...new Set(games.map((g) => g.tipoff.getTime() - CLOSE_BEFORE_MS + 60_000))];
    for (const t of times) await ingestHistoricalOdds(db.client, client, new Date(t), { logger });
    for (const t of times) {
      const again = await ingestHistoricalOdds(db.client, client, new Date(t), { logger });
      expect(again.snapshots).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(await db.client.game.count()).toBe(1230);
    const rows = await db.client.game.findMany({ where: { gameKey: { in: games.map((g) => g.gameKey) } } });
    expect(rows.every((r) => r.oddsApiId !== null)).toBe(true);
    const lines = await closingLines(
      db.client,
      rows.map((r) => r.id),
      { bookmakers: ['draftkings'] },
    );
    for (const r of rows) {
      const line = required(games.find((x) => x.gameKey === r.gameKey)?.line, `the line of ${r.gameKey}`);
      expect(lines.get(r.id)?.spreads?.homePoint).toBe(line.spreadHome);
      expect(lines.get(r.id)?.h2h).toMatchObject({ homePrice: line.homeMl, awayPrice: line.awayMl });
      expect(lines.get(r.id)?.totals?.totalPoint).toBe(line.total);
    }
    expect(odds.injectedFaults.size).toBeGreaterThan(0);
  });
});
