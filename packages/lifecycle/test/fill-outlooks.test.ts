import { generateLeague, leagueAsOf } from '@nba/demo';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { fillOutlooks, LifecycleError, outlookOfDate } from '../src/index';

// Filling a season's outlook history on a real PostgreSQL with the demo's generated league (two
// seasons, as they stand on TODAY): every missing morning stored once, a rerun stores nothing.
const TODAY = '2026-01-15';
const OPTIONS = { simulations: 100 };
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'lifecycle_fill_outlooks' });
  const games = [2025, 2026].flatMap((season) => leagueAsOf(generateLeague({ season, seed: 15_000 + season }), TODAY));
  await db.client.game.createMany({
    data: games.map((g) => ({
      gameKey: g.gameKey,
      season: g.season,
      date: new Date(`${g.date}T00:00:00Z`),
      homeCode: g.homeCode,
      awayCode: g.awayCode,
      status: g.status,
      homeScore: g.homeScore,
      awayScore: g.awayScore,
      gameType: g.gameType,
      source: 'demo',
      isDemo: true,
    })),
  });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

it('stores every missing morning of the range from the data of that morning, and skips stored ones on a rerun', async () => {
  const started = performance.now();
  const first = await fillOutlooks(db.client, '2026-01-10', '2026-01-12', OPTIONS);
  // the cost per morning, for the demo start's budget (printed, never asserted)
  process.stdout.write(
    `fillOutlooks: 3 mornings at ${OPTIONS.simulations} simulations in ${Math.round(performance.now() - started)} ms\n`,
  );
  expect(first).toEqual({ stored: ['2026-01-10', '2026-01-11', '2026-01-12'], skipped: 0 });
  const early = await outlookOfDate(db.client, '2026-01-10');
  const late = await outlookOfDate(db.client, '2026-01-12');
  const played = (o: typeof early) => (o?.teams ?? []).reduce((s, r) => s + r.wins + r.losses, 0);
  // the record of each morning counts only the games before it
  expect(played(late)).toBeGreaterThan(played(early));
  const again = await fillOutlooks(db.client, '2026-01-09', '2026-01-12', OPTIONS);
  expect(again).toEqual({ stored: ['2026-01-09'], skipped: 3 });
  expect(await db.client.seasonOutlook.count()).toBe(4 * 30);
}, 120_000);

it('refuses a reversed range or one spanning two seasons, naming it', async () => {
  await expect(fillOutlooks(db.client, '2026-01-12', '2026-01-10')).rejects.toThrow(
    new LifecycleError('BAD_OUTLOOK_OPTIONS', 'invalid outlook range 2026-01-12..2026-01-10: from is after to'),
  );
  await expect(fillOutlooks(db.client, '2025-06-01', '2025-12-01')).rejects.toThrow(/spans two seasons/);
});
