import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { gamesOnDate } from '../queries/games-on-date';
import { DateQuery } from '../schemas/common';
import { parseInput } from '../validate';

/** `GET /v1/games?date=`: the date's games with status and scores. */
export function gamesRouter(db: DbClient): Router {
  const router = Router();
  router.get('/v1/games', async (req, res) => {
    const { date } = parseInput(DateQuery, req.query);
    res.json({ date, games: await gamesOnDate(db, date) });
  });
  return router;
}
