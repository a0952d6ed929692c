import request from 'supertest';
import { silentLogger } from '@nba/logging';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { upsertGames, upsertOddsSnapshots, type SnapshotRecord } from '@nba/ingestion';
import { buildTestApp, type TestApp } from './test-app';

describe('data quality on /metrics and the models view', () => {
  let db: TestDatabase;
  let t: TestApp;
  const logger = silentLogger();

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await buildTestApp(db, { listen: false });
  });
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it('shows nothing quarantined on a clean database', async () => {
    const page = await request(t.app).get('/models').expect(200);
    expect(page.text).toContain('<h2 id="data-quality">Data quality</h2>');
    expect(page.text).toContain('No upstream value has been quarantined');
    // (/metrics is scraped once, below: its answer is reused for 15 s.)
  });

  it('counts quarantined values by source and reason and conflicts by kind, and lists the latest', async () => {
    const tipoff = new Date('2025-01-16T00:30:00Z');
    await upsertGames(
      db.client,
      [{ date: '2025-01-15', homeCode: 'BOS', awayCode: 'NYK', tipoff, oddsApiId: 'ev-1', source: 'the-odds-api' }],
      { logger },
    );
    const base = { gameKey: '20250115_NYK_BOS', bookmaker: 'draftkings', source: 'the-odds-api' };
    const at = (h: number) => new Date(Date.UTC(2025, 0, 15, h));
    const snaps: SnapshotRecord[] = [
      { ...base, capturedAt: at(12), market: 'spreads', homePoint: -8, homePrice: -110, awayPrice: -110 },
      { ...base, capturedAt: at(13), market: 'spreads', homePoint: 1_000_000, homePrice: -110, awayPrice: -110 },
      { ...base, capturedAt: at(13), market: 'h2h', homePrice: 100000, awayPrice: -100000 },
      { ...base, capturedAt: at(14), market: 'h2h', homePrice: 900, awayPrice: -1400 },
      { ...base, capturedAt: at(13), market: 'totals', totalPoint: 1000, overPrice: -110, underPrice: -110 },
    ];
    expect(await upsertOddsSnapshots(db.client, snaps, { logger })).toMatchObject({ inserted: 1, quarantined: 4 });
    const g = (date: string, homeScore: number) => ({
      date,
      homeCode: 'LAL',
      awayCode: 'GSW',
      status: 'final' as const,
      homeScore,
      awayScore: 100,
      apiBasketballId: 42,
      source: 'api-basketball',
    });
    expect(await upsertGames(db.client, [g('2025-01-14', 110), g('2025-01-15', 90)], { logger })).toMatchObject({
      inserted: 0,
      conflicts: 1,
    });

    const metrics = await request(t.app).get('/metrics').expect(200);
    expect(metrics.text).toContain('# TYPE upstream_values_quarantined gauge');
    expect(metrics.text).toContain('upstream_values_quarantined{source="the-odds-api",reason="spread_out_of_range"} 1');
    expect(metrics.text).toContain('upstream_values_quarantined{source="the-odds-api",reason="price_out_of_range"} 1');
    expect(metrics.text).toContain('upstream_values_quarantined{source="the-odds-api",reason="total_out_of_range"} 1');
    expect(metrics.text).toContain(
      'upstream_values_quarantined{source="the-odds-api",reason="moneyline_spread_disagree"} 1',
    );
    expect(metrics.text).toContain(
      'upstream_conflicts_recorded{source="api-basketball",kind="duplicate_in_response"} 1',
    );

    const page = await request(t.app).get('/models').expect(200);
    expect(page.text).not.toContain('No upstream value has been quarantined');
    expect(page.text).toContain('spread outside what bookmakers have quoted <code>spread_out_of_range</code>');
    expect(page.text).toContain('moneyline contradicts the spread');
    expect(page.text).toContain('home spread 1000000 outside -30..+30');
    expect(page.text).toContain('api-basketball:42 (same id twice in one response)');
    // The absurd line never reaches the stored lines the forecasts and the day view read.
    const stored = await db.client.oddsSnapshot.findMany();
    expect(stored.map((s) => [s.market, s.homePoint])).toEqual([['spreads', -8]]);
  });
});
