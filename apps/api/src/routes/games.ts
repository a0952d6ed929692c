import { Router } from 'express';
import { gamesOnDate, type DbClient } from '@nba/db';
import { DateQuery } from '../schemas/common';
import { gameView, GamesResponse } from '../schemas/games';
import { apiRoute, BAD_REQUEST, serve } from './api-route';

/** `GET /v1/games?date=`. */
export const GET_GAMES = apiRoute({
  method: 'get',
  path: '/v1/games',
  summary: "A date's games with status and scores",
  tag: 'games',
  query: DateQuery,
  responses: { 200: ['Games', GamesResponse], 400: BAD_REQUEST },
});

/** `GET /v1/games?date=`: the date's games with status and scores. */
export function gamesRouter(db: DbClient): Router {
  const router = Router();
  serve(router, GET_GAMES, async ({ query: { date } }, _req, res) => {
    res.json({ date, games: (await gamesOnDate(db, date)).map(gameView) });
  });
  return router;
}
