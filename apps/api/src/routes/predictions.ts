import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { storedPredictions } from '../queries/stored-predictions';
import { DateQuery } from '../schemas/common';
import { parseInput } from '../validate';
import type { WithheldForecasts } from '../withheld-forecasts';

/**
 * `GET /v1/predictions?date=`: forecasts the pipeline stored for the date's games, every model
 * version; one failing the last-step check is withheld (and recorded in `withheld`).
 */
export function predictionsRouter(db: DbClient, withheld?: WithheldForecasts): Router {
  const router = Router();
  router.get('/v1/predictions', async (req, res) => {
    const { date } = parseInput(DateQuery, req.query);
    res.json({
      date,
      predictions: await storedPredictions(
        db,
        date,
        withheld && ((key, p, check) => withheld.record(key, check, { endpoint: 'predictions', game: p.gameKey, model: p.model })),
      ),
    });
  });
  return router;
}
