import { isoDay } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { GameViewOutput } from '../schemas/games';

/** The games of `date` (`YYYY-MM-DD`, already validated) by tip-off: what `GET /v1/games` returns and the page lists. */
export async function gamesOnDate(db: DbClient, date: string): Promise<GameViewOutput[]> {
  const rows = await db.game.findMany({
    where: { date: new Date(`${date}T00:00:00Z`) },
    orderBy: [{ tipoff: 'asc' }, { gameKey: 'asc' }],
  });
  return rows.map((g) => ({
    id: g.id,
    gameKey: g.gameKey,
    season: g.season,
    date: isoDay(g.date),
    tipoff: g.tipoff?.toISOString() ?? null,
    home: g.homeCode,
    away: g.awayCode,
    status: g.status,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    gameType: g.gameType,
    neutralSite: g.neutralSite,
    isDemo: g.isDemo,
  }));
}
