import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { storedPredictions } from '../stored-predictions';
import { DateQuery } from '../schemas/common';
import { PredictionsResponse } from '../schemas/predictions';
import type { WithheldForecasts } from '../withheld-forecasts';
import { apiRoute, BAD_REQUEST, serve } from './api-route';

/** `GET /v1/predictions?date=`. */
export const GET_PREDICTIONS = apiRoute({
  method: 'get',
  path: '/v1/predictions',
  summary: 'Stored forecasts for a date: probability, margin, total, model version, market and edge',
  tag: 'predictions',
  query: DateQuery,
  responses: { 200: ['Forecasts', PredictionsResponse], 400: BAD_REQUEST },
});

/**
 * `GET /v1/predictions?date=`: forecasts the pipeline stored for the date's games, every model
 * version; one failing the last-step check is withheld (and recorded in `withheld`).
 */
export function predictionsRouter(db: DbClient, withheld?: WithheldForecasts): Router {
  const router = Router();
  serve(router, GET_PREDICTIONS, async ({ query: { date } }, _req, res) => {
    res.json({
      date,
      predictions: await storedPredictions(
        db,
        date,
        withheld &&
          ((key, p, check) =>
            withheld.record(key, check, { endpoint: 'predictions', game: p.gameKey, model: p.model })),
      ),
    });
  });
  return router;
}
