import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { ApiBasketballClient, dataQualityReport, importCsv, ingestGamesForDate } from '../src';
import { FAST, captureLogger } from './helpers';
import { ScriptedUpstream, apiBasketballGame, envelope } from './scripted-upstream';
import { required } from '@nba/errors';

describe('conflicting and implausible games from API-Basketball and CSV (real client, scripted stand-in, PostgreSQL)', () => {
  let db: TestDatabase;
  const server = new ScriptedUpstream();
  const logger = captureLogger();
  let client: ApiBasketballClient;
  const serve = (games: unknown[]) => {
    server.reply = () => envelope(games);
  };
  const conflicts = () =>
    db.client.$queryRaw<
      {
        kind: string;
        source: string;
        upstreamId: string;
        first: Record<string, unknown>;
        second: Record<string, unknown>;
        resolution: string;
      }[]
    >`
      SELECT kind, source, upstream_id AS "upstreamId", first, second, resolution FROM upstream_conflicts ORDER BY id`;

  beforeAll(async () => {
    db = await createTestDatabase();
    await server.start();
    client = new ApiBasketballClient({ baseUrl: server.url, apiKey: 'scripted-key', logger, ...FAST });
  });
  afterAll(async () => {
    await server.close();
    await db?.drop();
  });

  it('records the same game id twice in one response with different dates and scores as a conflict, and stores neither', async () => {
    serve([
      apiBasketballGame(9001, 'LAL', 'GSW', '2025-01-15T03:30:00+00:00', [112, 108]),
      apiBasketballGame(9001, 'LAL', 'GSW', '2025-01-16T03:30:00+00:00', [99, 120]),
      apiBasketballGame(9002, 'DEN', 'UTA', '2025-01-15T02:00:00+00:00', [121, 111]),
    ]);
    const s = await ingestGamesForDate(db.client, client, '2025-01-14', { logger });
    expect(s).toMatchObject({ fetched: 3, inserted: 1, conflicts: 1 });
    expect(await db.client.game.count({ where: { apiBasketballId: 9001 } })).toBe(0);
    const c = await conflicts();
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      kind: 'duplicate_in_response',
      source: 'api-basketball',
      upstreamId: 'api-basketball:9001',
    });
    expect([c[0]?.first.homeScore, c[0]?.second.homeScore]).toEqual([112, 99]);
    expect([c[0]?.first.date, c[0]?.second.date]).toEqual(['2025-01-14', '2025-01-15']);
    // The same response again: no new row, no new warning.
    const warned = logger.lines.filter((l) => l.message === 'upstream conflict recorded').length;
    await ingestGamesForDate(db.client, client, '2025-01-14', { logger });
    expect(await conflicts()).toHaveLength(1);
    expect(logger.lines.filter((l) => l.message === 'upstream conflict recorded')).toHaveLength(warned);
  });

  // Re-scoring the settled forecast is the lifecycle's settlement (packages/lifecycle/test/resettlement.test.ts).
  it('records a final score that changed after its forecasts were settled, stores the newer one, and leaves settling to the record', async () => {
    const game = await db.client.game.findFirstOrThrow({ where: { apiBasketballId: 9002 } });
    const mv = await db.client.modelVersion.create({
      data: { name: 'm', version: '1.0.0', featureSpec: {}, params: {}, metrics: {}, createdBy: 'test' },
    });
    // a forecast settled against DEN 121-111
    await db.client.prediction.create({
      data: {
        gameId: game.id,
        modelVersionId: mv.id,
        homeWinProb: 0.8,
        homeWon: true,
        logLoss: -Math.log(0.8),
        brier: 0.04,
        settledAt: new Date(),
      },
    });
    // Upstream corrects the score: UTA won.
    serve([apiBasketballGame(9002, 'DEN', 'UTA', '2025-01-15T02:00:00+00:00', [111, 121])]);
    const s = await ingestGamesForDate(db.client, client, '2025-01-14', { logger });
    expect(s).toMatchObject({ updated: 1, conflicts: 1 });
    expect(await db.client.game.findUniqueOrThrow({ where: { id: game.id } })).toMatchObject({
      homeScore: 111,
      awayScore: 121,
    });
    // ingestion does not settle: the stored forecast waits for the next settlement
    expect(await db.client.prediction.findFirstOrThrow({ where: { gameId: game.id } })).toMatchObject({
      homeWon: true,
    });
    const c = required((await conflicts()).at(-1), 'the last conflict');
    expect(c).toMatchObject({ kind: 'score_changed_after_settlement', upstreamId: 'api-basketball:9002' });
    expect([c.first.homeScore, c.second.homeScore]).toEqual([121, 111]);
    expect(c.resolution).toMatch(/1 settled forecast re-settled against it \(111-121\)/);
    // A later run with the same corrected score changes nothing and records nothing new.
    expect(await ingestGamesForDate(db.client, client, '2025-01-14', { logger })).toMatchObject({
      updated: 0,
      unchanged: 1,
      conflicts: 0,
    });
    expect(await conflicts()).toHaveLength(2);
  });

  it('records a final score changed across runs without settled forecasts as changed_across_runs', async () => {
    serve([apiBasketballGame(9003, 'MIA', 'ORL', '2025-01-15T00:30:00+00:00', [101, 99])]);
    await ingestGamesForDate(db.client, client, '2025-01-14', { logger });
    serve([apiBasketballGame(9003, 'MIA', 'ORL', '2025-01-15T00:30:00+00:00', [104, 99])]);
    expect(await ingestGamesForDate(db.client, client, '2025-01-14', { logger })).toMatchObject({
      updated: 1,
      conflicts: 1,
    });
    expect((await conflicts()).at(-1)).toMatchObject({
      kind: 'changed_across_runs',
      resolution: 'the newer version is stored',
    });
  });

  it('quarantines an impossible final score from any path in: API-Basketball and a CSV import', async () => {
    serve([apiBasketballGame(9004, 'BOS', 'NYK', '2025-01-15T00:30:00+00:00', [1000, 99])]);
    expect(await ingestGamesForDate(db.client, client, '2025-01-14', { logger })).toMatchObject({
      inserted: 0,
      quarantined: 1,
    });
    expect(await db.client.game.count({ where: { apiBasketballId: 9004 } })).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'nba-dq-'));
    const games = join(dir, 'games.csv');
    const odds = join(dir, 'odds.csv');
    writeFileSync(
      games,
      'game_id,season,date,home_team,away_team,home_pts,away_pts,game_type\n' +
        '20250120_NYK_BOS,2025,2025-01-20,BOS,NYK,12,9,regular\n' +
        '20250120_GSW_LAL,2025,2025-01-20,LAL,GSW,110,104,regular\n',
    );
    writeFileSync(odds, 'game_id,home_ml,away_ml,spread_home,total\n20250120_GSW_LAL,-100000,100000,-1000000,1000\n');
    const s = await importCsv(db.client, { gamesCsv: games, oddsCsv: odds, logger });
    expect(s.games).toMatchObject({ inserted: 1, quarantined: 1 });
    expect(s.snapshots).toMatchObject({ inserted: 0, quarantined: 3 });
    const r = await dataQualityReport(db.client);
    expect(r.quarantined.map((q) => `${q.source}:${q.reason}:${q.count}`)).toEqual([
      'api-basketball:points_out_of_range:1',
      'csv:points_out_of_range:1',
      'csv:price_out_of_range:1',
      'csv:spread_out_of_range:1',
      'csv:total_out_of_range:1',
    ]);
    expect(r.conflicts.map((c) => `${c.source}:${c.kind}:${c.count}`)).toEqual([
      'api-basketball:changed_across_runs:1',
      'api-basketball:duplicate_in_response:1',
      'api-basketball:score_changed_after_settlement:1',
    ]);
    expect(await db.client.oddsSnapshot.count()).toBe(0);
  });
});
