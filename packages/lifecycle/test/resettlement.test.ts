import { upsertGames, type GameRecord } from '@nba/ingestion';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { settleForecasts } from '../src';

// A final score corrected upstream after its forecasts were settled: ingestion stores the newer
// score and records the conflict (packages/ingestion/test/data-quality-games.test.ts); the record's
// next settlement scores the settled forecasts again. Moved here from the ingestion test with its
// assertions, ingesting through ingestion's own upsert.

describe('re-settlement of a corrected final score (ingestion, then the record, in PostgreSQL)', () => {
  let db: TestDatabase;
  const logger = silentLogger();
  const game = (scores: [number, number], status: 'final' | 'scheduled' = 'final'): GameRecord => ({
    date: '2025-01-14',
    homeCode: 'DEN',
    awayCode: 'UTA',
    tipoff: new Date('2025-01-15T02:00:00Z'),
    status,
    homeScore: status === 'final' ? scores[0] : null,
    awayScore: status === 'final' ? scores[1] : null,
    apiBasketballId: 9002,
    source: 'api-basketball',
  });
  const conflicts = () =>
    db.client.$queryRaw<
      { kind: string; first: Record<string, unknown>; second: Record<string, unknown>; resolution: string }[]
    >`
      SELECT kind, first, second, resolution FROM upstream_conflicts ORDER BY id`;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: 'lifecycle_resettle' });
  });
  afterAll(async () => db?.drop());

  it('settles, then re-settles the settled forecasts against the corrected score, once', async () => {
    await upsertGames(db.client, [game([121, 111])], { logger });
    const { id: gameId } = await db.client.game.findFirstOrThrow({ where: { apiBasketballId: 9002 } });
    const mv = await db.client.modelVersion.create({
      data: { name: 'm', version: '1.0.0', featureSpec: {}, params: {}, metrics: {}, createdBy: 'test' },
    });
    await db.client.prediction.create({ data: { gameId, modelVersionId: mv.id, homeWinProb: 0.8 } });
    expect(await settleForecasts(db.client, logger)).toEqual({
      settled: 1,
      resettled: 0,
      unsettled: 0,
      correctedGames: [],
    });
    const settled = await db.client.prediction.findFirstOrThrow({ where: { gameId } });
    expect(settled).toMatchObject({ homeWon: true });
    expect(settled.logLoss).toBeCloseTo(-Math.log(0.8), 9);

    // Upstream corrects the score: UTA won.
    expect(await upsertGames(db.client, [game([111, 121])], { logger })).toMatchObject({ updated: 1, conflicts: 1 });
    expect(await db.client.game.findUniqueOrThrow({ where: { id: gameId } })).toMatchObject({
      homeScore: 111,
      awayScore: 121,
    });
    const c = required((await conflicts()).at(-1), 'the last conflict');
    expect(c).toMatchObject({ kind: 'score_changed_after_settlement' });
    expect([c.first.homeScore, c.second.homeScore]).toEqual([121, 111]);
    expect(c.resolution).toMatch(/1 settled forecast re-settled against it \(111-121\)/);

    expect(await settleForecasts(db.client, logger)).toEqual({
      settled: 0,
      resettled: 1,
      unsettled: 0,
      correctedGames: [gameId],
    });
    const resettled = await db.client.prediction.findFirstOrThrow({ where: { gameId } });
    expect(resettled.homeWon).toBe(false);
    expect(resettled.logLoss).toBeCloseTo(-Math.log(0.2), 9);
    expect(resettled.brier).toBeCloseTo(0.64, 9);

    // A later run with the same corrected score changes nothing and records nothing new.
    expect(await upsertGames(db.client, [game([111, 121])], { logger })).toMatchObject({
      updated: 0,
      unchanged: 1,
      conflicts: 0,
    });
    expect(await settleForecasts(db.client, logger)).toEqual({
      settled: 0,
      resettled: 0,
      unsettled: 0,
      correctedGames: [],
    });
    expect(await conflicts()).toHaveLength(1);
  });

  it('unsettles the settled forecasts of a game that is no longer final', async () => {
    const { id: gameId } = await db.client.game.findFirstOrThrow({ where: { apiBasketballId: 9002 } });
    await db.client.game.update({
      where: { id: gameId },
      data: { status: 'postponed', homeScore: null, awayScore: null },
    });
    expect(await settleForecasts(db.client, logger)).toEqual({
      settled: 0,
      resettled: 0,
      unsettled: 1,
      correctedGames: [gameId],
    });
    expect(await db.client.prediction.findFirstOrThrow({ where: { gameId } })).toMatchObject({
      settledAt: null,
      homeWon: null,
      logLoss: null,
      brier: null,
    });
  });
});
