import { join } from 'node:path';
import { createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';
import { silentLogger } from '@nba/logging';
import { closingLines, formatImportSummary, importCsv } from '../src';
import { required } from '@nba/errors';

const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;

maybe('importCsv on ../shared/data/nba', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads all 21,797 games and their lines, and a second run changes nothing', async () => {
    const logger = silentLogger();
    const options = {
      gamesCsv: join(required(dir, 'the shared data folder'), 'games.csv'),
      oddsCsv: join(required(dir, 'the shared data folder'), 'odds.csv'),
      logger,
    };
    const first = await importCsv(db.client, options);
    expect(first.gameRows).toBe(21797);
    expect(first.oddsRows).toBe(21797);
    expect(first.unreadable).toEqual([]);
    expect(first.games).toMatchObject({ inserted: 21797, updated: 0, unchanged: 0, rejected: 0 });
    // 19,810 moneyline pairs + 21,794 spreads + 21,797 totals, counted from odds.csv.
    expect(first.snapshots).toMatchObject({ inserted: 63401, updated: 0, unchanged: 0, rejected: 0 });
    expect(formatImportSummary(first)).toMatch(/^games: 21797 rows \(seasons 2008-2024\): 21797 inserted/);

    const [games, snaps] = await Promise.all([db.client.game.count(), db.client.oddsSnapshot.count()]);
    expect([games, snaps]).toEqual([21797, 63401]);

    const second = await importCsv(db.client, options);
    expect(second.games).toMatchObject({ inserted: 0, updated: 0, unchanged: 21797, rejected: 0 });
    expect(second.snapshots).toMatchObject({ inserted: 0, updated: 0, unchanged: 63401, rejected: 0 });
    expect(await db.client.game.count()).toBe(21797);

    const g = await db.client.game.findUniqueOrThrow({ where: { gameKey: '20071030_HOU_LAL' } });
    expect(g).toMatchObject({
      homeCode: 'LAL',
      awayCode: 'HOU',
      homeScore: 93,
      awayScore: 95,
      status: 'final',
      season: 2008,
      source: 'csv',
      neutralSite: false,
    });
    const lines = (await closingLines(db.client, [g.id])).get(g.id);
    expect(lines?.h2h).toMatchObject({ bookmaker: 'closing', homePrice: 190, awayPrice: -230 });
    expect(lines?.spreads).toMatchObject({ homePoint: 5 });
    expect(lines?.totals).toMatchObject({ totalPoint: 199 });
  });
});
