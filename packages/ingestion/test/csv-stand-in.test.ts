import { join } from 'node:path';
import { ApiBasketballStandIn, loadCsvLeague } from '@nba/demo';
import { createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';
import { ApiBasketballClient, ingestSeason } from '../src';
import { FAST, captureLogger } from './helpers';
import { required } from '@nba/errors';

const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;

maybe('the API-Basketball stand-in serving the real 2023-24 season from games.csv', () => {
  let db: TestDatabase;
  afterAll(() => db?.drop());

  it('ingests every game of the season as the CSV has it', async () => {
    const games = loadCsvLeague(
      join(required(dir, 'the shared data folder'), 'games.csv'),
      join(required(dir, 'the shared data folder'), 'odds.csv'),
      {
        seasons: [2024],
      },
    );
    const server = new ApiBasketballStandIn({ games, apiKey: 'k-csv-1234', pageSize: 200 });
    await server.start();
    db = await createTestDatabase();
    try {
      server.setFaults({ rate: 0.2, seed: 3 });
      const logger = captureLogger();
      const client = new ApiBasketballClient({ baseUrl: server.url, apiKey: 'k-csv-1234', logger, ...FAST });
      const s = await ingestSeason(db.client, client, 2024, { logger });
      expect(s).toMatchObject({ fetched: games.length, inserted: games.length, rejected: 0 });
      const rows = await db.client.game.findMany({ select: { gameKey: true, homeScore: true, awayScore: true } });
      expect(rows.map((r) => `${r.gameKey} ${r.homeScore}-${r.awayScore}`).sort()).toEqual(
        games.map((g) => `${g.gameKey} ${g.homeScore}-${g.awayScore}`).sort(),
      );
    } finally {
      await server.close();
    }
  });
});
