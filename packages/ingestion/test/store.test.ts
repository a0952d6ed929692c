import { createTestDatabase, type TestDatabase } from '@nba/testing';
import {
  closingLines,
  normaliseApiBasketballGames,
  upsertGames,
  upsertOddsSnapshots,
  type GameRecord,
  type SnapshotRecord,
} from '../src';
import { captureLogger } from './helpers';

describe('stores (PostgreSQL)', () => {
  let db: TestDatabase;
  const logger = captureLogger();
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const tipoff = new Date('2025-01-16T00:30:00Z'); // 7:30 pm Eastern on the 15th
  const game: GameRecord = {
    date: '2025-01-15',
    homeCode: 'BOS',
    awayCode: 'NYK',
    tipoff,
    status: 'scheduled',
    apiBasketballId: 777001,
    source: 'api-basketball',
  };

  it('upserts idempotently, updates what changed, and treats a new upstream id with the same date and teams as the same game', async () => {
    expect(await upsertGames(db.client, [game], { logger })).toMatchObject({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(await upsertGames(db.client, [game], { logger })).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const final = { ...game, status: 'final' as const, homeScore: 110, awayScore: 104 };
    expect(await upsertGames(db.client, [final], { logger })).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    // The Odds API knows the game under its own id: attached to the same row, scores kept.
    const fromOdds: GameRecord = {
      date: '2025-01-15',
      homeCode: 'BOS',
      awayCode: 'NYK',
      tipoff,
      oddsApiId: 'abc123',
      source: 'the-odds-api',
    };
    expect(await upsertGames(db.client, [fromOdds], { logger })).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await db.client.game.findMany({ where: { gameKey: '20250115_NYK_BOS' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      apiBasketballId: 777001,
      oddsApiId: 'abc123',
      status: 'final',
      homeScore: 110,
      awayScore: 104,
      source: 'api-basketball',
    });
    // A game rescheduled upstream (same id, new date) moves instead of duplicating.
    const moved = { ...final, date: '2025-01-20', tipoff: new Date('2025-01-21T00:30:00Z') };
    expect(await upsertGames(db.client, [moved], { logger })).toMatchObject({ updated: 1 });
    expect(await db.client.game.count({ where: { apiBasketballId: 777001 } })).toBe(1);
    expect(await db.client.game.findUnique({ where: { gameKey: '20250120_NYK_BOS' } })).not.toBeNull();
  });

  it('rejects malformed records with a count and logged reasons, and keeps the rest of the batch', async () => {
    logger.lines.length = 0;
    const batch: GameRecord[] = [
      { date: '2025-02-01', homeCode: 'LAL', awayCode: 'GSW', source: 't' },
      { date: '2025-02-30', homeCode: 'LAL', awayCode: 'GSW', source: 't' },
      { date: '2025-02-01', homeCode: 'XYZ', awayCode: 'GSW', source: 't' },
      { date: '2025-02-02', homeCode: 'MIA', awayCode: 'MIA', source: 't' },
      { date: '2025-02-02', homeCode: 'MIA', awayCode: 'ORL', status: 'final', homeScore: 100, source: 't' },
      {
        date: '2025-02-02',
        homeCode: 'DEN',
        awayCode: 'UTA',
        status: 'final',
        homeScore: 120,
        awayScore: 111,
        source: 't',
      },
    ];
    const s = await upsertGames(db.client, batch, { logger });
    expect(s).toMatchObject({ inserted: 2, rejected: 4 });
    expect(s.rejections.map((r) => r.reason).join(' | ')).toMatch(
      /calendar date.*unknown team code 'XYZ'.*same team.*needs both scores/,
    );
    expect(logger.lines.filter((l) => l.message === 'game record rejected')).toHaveLength(4);
  });

  it('rejects an unknown upstream team by name instead of creating it', () => {
    const g = {
      id: 1,
      date: '2025-02-16T01:00:00+00:00',
      timestamp: 1739667600,
      status: { long: 'Game Finished', short: 'FT' },
      league: { id: 12, season: '2024-2025' },
      teams: { home: { id: 1416, name: 'East' }, away: { id: 1417, name: 'West' } },
      scores: { home: { total: 150 }, away: { total: 140 } },
    };
    const r = normaliseApiBasketballGames([g]);
    expect(r.items).toEqual([]);
    expect(r.rejected[0]?.reason).toMatch(/unknown API-Basketball team id 1416 \('East'\)/);
  });

  it('keeps odds history by capture time and finds the closing line (last before tip-off)', async () => {
    await upsertGames(
      db.client,
      [{ date: '2025-03-01', homeCode: 'PHX', awayCode: 'DAL', tipoff: new Date('2025-03-02T03:00:00Z'), source: 't' }],
      { logger },
    );
    const key = '20250301_DAL_PHX';
    const snap = (at: string, spread: number, bookmaker = 'draftkings'): SnapshotRecord => ({
      gameKey: key,
      bookmaker,
      market: 'spreads',
      capturedAt: new Date(at),
      homePoint: spread,
      homePrice: -110,
      awayPrice: -110,
      source: 't',
    });
    const history = [
      snap('2025-03-01T12:00:00Z', -3),
      snap('2025-03-02T02:00:00Z', -4.5),
      snap('2025-03-02T04:00:00Z', -6),
      snap('2025-03-02T02:30:00Z', -5, 'fanduel'),
    ];
    expect(await upsertOddsSnapshots(db.client, history, { logger })).toMatchObject({ inserted: 4, updated: 0 });
    expect(await upsertOddsSnapshots(db.client, history, { logger })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
    expect(await upsertOddsSnapshots(db.client, [snap('2025-03-02T02:00:00Z', -4)], { logger })).toMatchObject({
      updated: 1,
    });
    const bad = await upsertOddsSnapshots(
      db.client,
      [
        snap('2025-03-02T02:00:00Z', -4),
        { ...snap('2025-03-02T02:00:00Z', -4), gameKey: '20250301_DAL_SAC' },
        { ...snap('x', 1), capturedAt: new Date('nope') },
      ],
      { logger },
    );
    expect(bad).toMatchObject({ unchanged: 1, rejected: 2 });
    const id = (await db.client.game.findUniqueOrThrow({ where: { gameKey: key } })).id;
    expect((await closingLines(db.client, [id])).get(id)?.spreads).toMatchObject({
      bookmaker: 'fanduel',
      homePoint: -5,
    });
    expect(
      (await closingLines(db.client, [id], { bookmakers: ['draftkings', 'fanduel'] })).get(id)?.spreads,
    ).toMatchObject({
      bookmaker: 'draftkings',
      homePoint: -4,
    });
    expect(await db.client.oddsSnapshot.count({ where: { gameId: id } })).toBe(4);
  });
});
