import { createTestDatabase, type TestDatabase } from '@nba/testing';
import {
  finalGamesFingerprint,
  loadFeatureInputs,
  upsertGames,
  upsertOddsSnapshots,
  type GameRecord,
  type SnapshotRecord,
} from '../src';
import { captureLogger } from './helpers';
import { required } from '@nba/errors';

describe('stored games and lines as feature input (PostgreSQL)', () => {
  let db: TestDatabase;
  const logger = captureLogger();
  const games: GameRecord[] = [
    {
      date: '2025-01-10',
      homeCode: 'BOS',
      awayCode: 'NYK',
      status: 'final',
      homeScore: 110,
      awayScore: 104,
      source: 't',
    },
    {
      date: '2025-01-10',
      homeCode: 'LAL',
      awayCode: 'GSW',
      status: 'final',
      homeScore: 99,
      awayScore: 101,
      neutralSite: true,
      source: 't',
    },
    {
      date: '2025-01-12',
      homeCode: 'MIA',
      awayCode: 'ORL',
      status: 'scheduled',
      tipoff: new Date('2025-01-13T00:30:00Z'),
      source: 't',
    },
    { date: '2025-01-13', homeCode: 'DEN', awayCode: 'LAC', status: 'postponed', source: 't' },
  ];
  const snap = (market: SnapshotRecord['market'], at: string, values: Partial<SnapshotRecord>): SnapshotRecord => ({
    gameKey: '20250112_ORL_MIA',
    bookmaker: 'book',
    market,
    capturedAt: new Date(at),
    source: 't',
    ...values,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    await upsertGames(db.client, games, { logger });
    await upsertOddsSnapshots(
      db.client,
      [
        snap('h2h', '2025-01-12T15:00:00Z', { homePrice: -150, awayPrice: 130 }),
        snap('spreads', '2025-01-12T09:00:00Z', { homePoint: -2.5 }),
        snap('spreads', '2025-01-12T20:00:00Z', { homePoint: -3.5 }),
        // after tip-off: not the closing line
        snap('spreads', '2025-01-13T01:00:00Z', { homePoint: -9 }),
        snap('totals', '2025-01-12T20:00:00Z', { totalPoint: 221.5 }),
      ],
      { logger },
    );
  });
  afterAll(() => db?.drop());

  it('reads final, scheduled and live games in date then key order, scores only for final ones, with closing lines and ids', async () => {
    const inputs = await loadFeatureInputs(db.client);
    expect(inputs.games).toEqual([
      {
        id: '20250110_GSW_LAL',
        season: 2025,
        date: '2025-01-10',
        home: 'LAL',
        away: 'GSW',
        gameType: 'regular',
        neutral: true,
        homePts: 99,
        awayPts: 101,
      },
      {
        id: '20250110_NYK_BOS',
        season: 2025,
        date: '2025-01-10',
        home: 'BOS',
        away: 'NYK',
        gameType: 'regular',
        neutral: null,
        homePts: 110,
        awayPts: 104,
      },
      {
        id: '20250112_ORL_MIA',
        season: 2025,
        date: '2025-01-12',
        home: 'MIA',
        away: 'ORL',
        gameType: 'regular',
        neutral: null,
      },
    ]);
    expect([...inputs.lines]).toEqual([
      ['20250112_ORL_MIA', { homeMl: -150, awayMl: 130, spreadHome: -3.5, total: 221.5 }],
    ]);
    const ids = await db.client.game.findMany({ select: { id: true, gameKey: true } });
    for (const g of inputs.games) expect(inputs.ids.get(g.id)).toBe(ids.find((r) => r.gameKey === g.id)?.id);
  });

  it('reads a date range (bounds excluded), chosen statuses, and lines only when asked', async () => {
    const finals = await loadFeatureInputs(db.client, { before: '2025-01-12', statuses: ['final'], withLines: false });
    expect(finals.games.map((g) => g.id)).toEqual(['20250110_GSW_LAL', '20250110_NYK_BOS']);
    expect(finals.lines.size).toBe(0);
    const later = await loadFeatureInputs(db.client, { after: '2025-01-10', statuses: ['scheduled', 'postponed'] });
    expect(later.games.map((g) => g.id)).toEqual(['20250112_ORL_MIA', '20250113_LAC_DEN']);
    expect(later.lines.get('20250112_ORL_MIA')).toEqual({ homeMl: -150, awayMl: 130, spreadHome: -3.5, total: 221.5 });
  });

  it('fingerprints the final games up to a date: a corrected score changes it', async () => {
    const before = await finalGamesFingerprint(db.client, '2025-01-10');
    expect(before.count).toBe(2);
    expect(await finalGamesFingerprint(db.client, '2025-01-09')).toEqual({ count: 0, updatedAt: 0 });
    await new Promise((r) => setTimeout(r, 5));
    await upsertGames(db.client, [{ ...required(games[0], 'the first game'), homeScore: 111 }], { logger });
    const after = await finalGamesFingerprint(db.client, '2025-01-10');
    expect(after.count).toBe(2);
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
  });
});
