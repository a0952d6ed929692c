import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { closingLines, dataQualityReport, ingestOdds, OddsApiClient } from '../src';
import { FAST, captureLogger } from './helpers';
import { ScriptedUpstream, oddsEvent, type ScriptedLine } from './scripted-upstream';

const KEY = 'scripted-key';

describe('implausible lines from The Odds API (real client, scripted stand-in, PostgreSQL)', () => {
  let db: TestDatabase;
  const server = new ScriptedUpstream('/v4');
  const logger = captureLogger();
  let client: OddsApiClient;
  // BOS hosts NYK on 2025-01-15 (7:30 pm Eastern); every response is about this one game.
  const commence = '2025-01-16T00:30:00Z';
  const serve = (lines: ScriptedLine[]) => {
    server.reply = () => ({ status: 200, body: [oddsEvent('ev-bos-nyk', 'BOS', 'NYK', commence, lines)] });
  };
  const stored = () =>
    db.client.$queryRaw<
      {
        market: string;
        capturedAt: Date;
        homePrice: number | null;
        awayPrice: number | null;
        homePoint: number | null;
        totalPoint: number | null;
      }[]
    >`
      SELECT market::text, captured_at AS "capturedAt", home_price AS "homePrice", away_price AS "awayPrice", home_point AS "homePoint", total_point AS "totalPoint"
        FROM odds_snapshots ORDER BY captured_at, market`;
  const quarantined = () =>
    db.client.$queryRaw<
      {
        reason: string;
        source: string;
        market: string;
        bookmaker: string;
        gameKey: string;
        raw: Record<string, unknown>;
        seenCount: number;
      }[]
    >`
      SELECT reason, source, market, bookmaker, game_key AS "gameKey", raw, seen_count AS "seenCount" FROM quarantined_values ORDER BY id`;
  const warnings = () => logger.lines.filter((l) => l.message === 'upstream value quarantined');

  beforeAll(async () => {
    db = await createTestDatabase();
    await server.start();
    client = new OddsApiClient({ baseUrl: server.url, apiKey: KEY, logger, ...FAST });
    // The last good line: BOS -3.5, -160/+140, total 221.5.
    serve([{ lastUpdate: '2025-01-15T12:00:00Z', h2h: [-160, 140], spread: -3.5, total: 221.5 }]);
    const first = await ingestOdds(db.client, client, { logger });
    expect(first.snapshots).toMatchObject({ inserted: 3, quarantined: 0 });
  });
  afterAll(async () => {
    await server.close();
    await db?.drop();
  });

  it('quarantines a spread of 1,000,000, moneylines of +100000/-100000 and a total of 1000, and keeps the last good line in use', async () => {
    serve([{ lastUpdate: '2025-01-15T18:00:00Z', h2h: [100000, -100000], spread: 1_000_000, total: 1000 }]);
    const s = await ingestOdds(db.client, client, { logger });
    expect(s.snapshots).toMatchObject({ inserted: 0, updated: 0, quarantined: 3 });
    // Nothing absurd is stored: only the 12:00 line is there.
    const rows = await stored();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.capturedAt.toISOString() === '2025-01-15T12:00:00.000Z')).toBe(true);
    const q = await quarantined();
    expect(q.map((r) => `${r.market}:${r.reason}`).sort()).toEqual([
      'h2h:price_out_of_range',
      'spreads:spread_out_of_range',
      'totals:total_out_of_range',
    ]);
    expect(q[0]).toMatchObject({
      source: 'the-odds-api',
      bookmaker: 'draftkings',
      gameKey: '20250115_NYK_BOS',
      seenCount: 1,
    });
    expect(q.find((r) => r.market === 'spreads')?.raw).toMatchObject({ homePoint: 1_000_000 });
    // The closing line the features and forecasts read is the last good one.
    const game = await db.client.game.findUniqueOrThrow({ where: { gameKey: '20250115_NYK_BOS' } });
    const close = (await closingLines(db.client, [game.id])).get(game.id);
    expect(close).toMatchObject({
      h2h: { homePrice: -160, awayPrice: 140 },
      spreads: { homePoint: -3.5 },
      totals: { totalPoint: 221.5 },
    });
    expect(warnings()).toHaveLength(3);
  });

  it('is idempotent and logs once: the same response again adds no row and no warning', async () => {
    const before = warnings().length;
    const s = await ingestOdds(db.client, client, { logger });
    expect(s.snapshots.quarantined).toBe(3);
    expect(await quarantined()).toHaveLength(3);
    expect((await quarantined()).every((r) => r.seenCount === 2)).toBe(true);
    expect(warnings()).toHaveLength(before);
  });

  it('quarantines a moneyline that contradicts the spread (home -8, home +900) and one at 0.1% (+99900), keeping the spread', async () => {
    serve([{ lastUpdate: '2025-01-15T19:00:00Z', h2h: [900, -1400], spread: -8 }]);
    const s = await ingestOdds(db.client, client, { logger });
    expect(s.snapshots).toMatchObject({ inserted: 1, quarantined: 1 });
    serve([{ lastUpdate: '2025-01-15T20:00:00Z', h2h: [99900, -100000], spread: -8 }]);
    expect((await ingestOdds(db.client, client, { logger })).snapshots).toMatchObject({ inserted: 1, quarantined: 1 });
    const reasons = (await quarantined()).slice(3).map((r) => `${r.market}:${r.reason}`);
    expect(reasons).toEqual(['h2h:moneyline_spread_disagree', 'h2h:price_out_of_range']);
    const game = await db.client.game.findUniqueOrThrow({ where: { gameKey: '20250115_NYK_BOS' } });
    const close = (await closingLines(db.client, [game.id])).get(game.id);
    // The new spread is used; the moneyline in use is still the last good one.
    expect(close).toMatchObject({ h2h: { homePrice: -160, awayPrice: 140 }, spreads: { homePoint: -8 } });
  });

  it('quarantines a line that moves implausibly between snapshots (spread -8 to +9 in an hour)', async () => {
    serve([{ lastUpdate: '2025-01-15T21:00:00Z', spread: 9 }]);
    const s = await ingestOdds(db.client, client, { logger });
    expect(s.snapshots).toMatchObject({ inserted: 0, quarantined: 1 });
    const last = (await quarantined()).at(-1);
    expect(last).toMatchObject({ market: 'spreads', reason: 'line_moved_implausibly' });
    // A normal move is accepted.
    serve([{ lastUpdate: '2025-01-15T22:00:00Z', spread: -6.5, total: 219 }]);
    expect((await ingestOdds(db.client, client, { logger })).snapshots).toMatchObject({ inserted: 2, quarantined: 0 });
  });

  it('reports counts by source and reason, and the latest entries', async () => {
    const r = await dataQualityReport(db.client, { recent: 3 });
    expect(r.quarantined.map((q) => [q.source, q.reason, q.count])).toEqual([
      ['the-odds-api', 'line_moved_implausibly', 1],
      ['the-odds-api', 'moneyline_spread_disagree', 1],
      ['the-odds-api', 'price_out_of_range', 2],
      ['the-odds-api', 'spread_out_of_range', 1],
      ['the-odds-api', 'total_out_of_range', 1],
    ]);
    expect(r.recentQuarantined).toHaveLength(3);
    expect(r.recentQuarantined[0]).toMatchObject({ reason: 'line_moved_implausibly', gameKey: '20250115_NYK_BOS' });
    expect(r.recentQuarantined[0]?.detail).toMatch(/home spread moved from -8 to 9/);
    // Nothing absurd anywhere in the stored lines.
    for (const row of await stored()) {
      expect(Math.abs(row.homePoint ?? 0)).toBeLessThanOrEqual(30);
      expect(row.totalPoint ?? 200).toBeLessThanOrEqual(300);
      expect(Math.abs(row.homePrice ?? 0)).toBeLessThan(25_000);
    }
  });
});
