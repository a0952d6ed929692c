import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { isoDay } from '../clock';
import { DateQuery } from '../schemas/common';
import type { GameViewOutput } from '../schemas/games';
import { parseInput } from '../validate';

/** `GET /v1/games?date=`: the date's games with status and scores. */
export function gamesRouter(db: DbClient): Router {
  const router = Router();
  router.get('/v1/games', async (req, res) => {
    const { date } = parseInput(DateQuery, req.query);
    const rows = await db.game.findMany({
      where: { date: new Date(`${date}T00:00:00Z`) },
      orderBy: [{ tipoff: 'asc' }, { gameKey: 'asc' }],
    });
    const games: GameViewOutput[] = rows.map((g) => ({
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
    res.json({ date, games });
  });
  return router;
}
