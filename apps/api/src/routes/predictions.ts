import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { storedPredictions } from '../queries/stored-predictions';
import { DateQuery } from '../schemas/common';
import { parseInput } from '../validate';

/** `GET /v1/predictions?date=`: forecasts the pipeline stored for the date's games, every model version. */
export function predictionsRouter(db: DbClient): Router {
  const router = Router();
  router.get('/v1/predictions', async (req, res) => {
    const { date } = parseInput(DateQuery, req.query);
    res.json({ date, predictions: await storedPredictions(db, date) });
  });
  return router;
}
