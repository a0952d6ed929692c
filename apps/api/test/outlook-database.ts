// The season outlooks the outlook tests read: stored by @nba/lifecycle's own use case
// (computeOutlook) from the games in the test database, as the daily pipeline stores them.
import type { DbClient } from '@nba/db';
import { generateLeague, leagueAsOf } from '@nba/demo';
import { computeOutlook } from '@nba/lifecycle';

/** Few simulations: the tests check what the API and the page show, not the simulator's precision. */
export const TEST_OUTLOOK_SIMULATIONS = 200;

/** Writes the demo's generated league of `seasons` as it stands on `today` (earlier games final, later ones scheduled). */
export async function insertDemoLeague(db: DbClient, seasons: readonly number[], today: string): Promise<void> {
  const games = seasons.flatMap((season) => leagueAsOf(generateLeague({ season, seed: 15_000 + season }), today));
  await db.game.createMany({
    data: games.map((g) => ({
      gameKey: g.gameKey,
      season: g.season,
      date: new Date(`${g.date}T00:00:00Z`),
      tipoff: g.tipoff,
      homeCode: g.homeCode,
      awayCode: g.awayCode,
      status: g.status,
      homeScore: g.homeScore,
      awayScore: g.awayScore,
      gameType: g.gameType,
      neutralSite: false,
      source: 'demo',
      isDemo: true,
    })),
  });
}

/** Stores the outlook of every date in `dates` through the lifecycle use case. */
export async function storeOutlooks(db: DbClient, dates: readonly string[]): Promise<void> {
  for (const date of dates) await computeOutlook(db, date, { simulations: TEST_OUTLOOK_SIMULATIONS });
}
