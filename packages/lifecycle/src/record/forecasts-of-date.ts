import type { DbClient } from '@nba/db';

/** A stored forecast of a day's game, as the main job prints it. */
export interface StoredForecast {
  away: string;
  home: string;
  model: string;
  version: string;
  homeWinProb: number;
  expectedMargin: number | null;
  expectedTotal: number | null;
  marketHomeProb: number | null;
  edge: number | null;
  isDemo: boolean;
}

/** The stored forecasts of `date`'s games: each game's together (by tip-off), the main (market-aware) model first. */
export async function forecastsOfDate(db: DbClient, date: string): Promise<StoredForecast[]> {
  const rows = await db.prediction.findMany({
    where: { game: { date: new Date(`${date}T00:00:00Z`) } },
    include: {
      game: { select: { awayCode: true, homeCode: true } },
      modelVersion: { select: { name: true, version: true } },
    },
    orderBy: [{ game: { tipoff: 'asc' } }, { gameId: 'asc' }, { modelVersion: { name: 'asc' } }],
  });
  return rows.map((r) => ({
    away: r.game.awayCode,
    home: r.game.homeCode,
    model: r.modelVersion.name,
    version: r.modelVersion.version,
    homeWinProb: r.homeWinProb,
    expectedMargin: r.expectedMargin,
    expectedTotal: r.expectedTotal,
    marketHomeProb: r.marketHomeProb,
    edge: r.edge,
    isDemo: r.isDemo,
  }));
}
