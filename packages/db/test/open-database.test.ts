import { Client } from 'pg';
import { openDatabase } from '../src';
import { TEST_SERVER_URL } from './test-server';

const server = TEST_SERVER_URL;
const name = `nba_test_open_${Date.now().toString(36)}`;

async function admin(text: string): Promise<void> {
  const c = new Client({ connectionString: server });
  await c.connect();
  await c.query(text).finally(() => c.end());
}

beforeAll(() => admin(`CREATE DATABASE "${name}"`));
afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('openDatabase with DATABASE_URL', () => {
  it('migrates, seeds the 30 teams idempotently, and gives a working Prisma client', async () => {
    const u = new URL(server);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString() });
    try {
      expect(db.embedded).toBe(false);
      expect(await db.client.team.count()).toBe(30);
      const again = await openDatabase({ databaseUrl: u.toString() });
      expect(await again.client.team.count()).toBe(30);
      await again.close();
      const bkn = await db.client.team.findUniqueOrThrow({ where: { code: 'BKN' } });
      expect(bkn.aliases).toContain('New Jersey Nets');
      const game = await db.client.game.create({
        data: {
          gameKey: '20240101_BOS_LAL',
          season: 2024,
          date: new Date('2024-01-01'),
          homeCode: 'LAL',
          awayCode: 'BOS',
          source: 'test',
        },
      });
      expect(game.status).toBe('scheduled');
      await expect(
        db.client.game.create({
          data: {
            gameKey: 'other',
            season: 2024,
            date: new Date('2024-01-01'),
            homeCode: 'LAL',
            awayCode: 'BOS',
            source: 'test',
          },
        }),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
