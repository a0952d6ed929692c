import type { DbClient } from './client';
import type { GameStatus, GameType } from './generated/prisma/enums';

/** A stored game as the read routes show it. */
export interface StoredGame {
  id: number;
  gameKey: string;
  season: number;
  /** US Eastern date, `YYYY-MM-DD`. */
  date: string;
  tipoff: Date | null;
  home: string;
  away: string;
  status: GameStatus;
  homeScore: number | null;
  awayScore: number | null;
  gameType: GameType;
  neutralSite: boolean | null;
  isDemo: boolean;
}

/** The games of `date` (`YYYY-MM-DD`) by tip-off. */
export async function gamesOnDate(db: DbClient, date: string): Promise<StoredGame[]> {
  const rows = await db.game.findMany({
    where: { date: new Date(`${date}T00:00:00Z`) },
    orderBy: [{ tipoff: 'asc' }, { gameKey: 'asc' }],
  });
  return rows.map((g) => ({
    id: g.id,
    gameKey: g.gameKey,
    season: g.season,
    date: g.date.toISOString().slice(0, 10),
    tipoff: g.tipoff,
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

/** The nearest dates before and after `date` that have games (null: none), by the (date, home, away) index. */
export async function nearestGameDates(
  db: DbClient,
  date: string,
): Promise<{ before: string | null; after: string | null }> {
  const [row] = await db.$queryRaw<{ before: Date | null; after: Date | null }[]>`
    SELECT (SELECT max(date) FROM games WHERE date < ${date}::date) AS before,
           (SELECT min(date) FROM games WHERE date > ${date}::date) AS after`;
  return {
    before: row?.before?.toISOString().slice(0, 10) ?? null,
    after: row?.after?.toISOString().slice(0, 10) ?? null,
  };
}
