import { Router } from 'express';
import type { DbClient } from '@nba/db';
import { latestOutlook, outlookOfDate, teamOutlookHistory } from '@nba/lifecycle';
import { ApiError } from '../errors';
import { ErrorResponse } from '../schemas/common';
import {
  OutlookHistoryQuery,
  OutlookHistoryResponse,
  OutlookQuery,
  OutlookResponse,
  outlookView,
  teamOutlookView,
} from '../schemas/outlook';
import { apiRoute, BAD_REQUEST, serve } from './api-route';

/** `GET /v1/outlook?date=`. */
export const GET_OUTLOOK = apiRoute({
  method: 'get',
  path: '/v1/outlook',
  summary:
    "The season outlook of a morning (the latest stored when no date is given): every team's odds of the play-in, playoffs, rounds and title",
  tag: 'predictions',
  query: OutlookQuery,
  responses: {
    200: ['Outlook', OutlookResponse],
    400: BAD_REQUEST,
    404: ['No outlook stored (for the date)', ErrorResponse],
  },
});

/** `GET /v1/outlook/history?team=&season=`. */
export const GET_OUTLOOK_HISTORY = apiRoute({
  method: 'get',
  path: '/v1/outlook/history',
  summary: "A team's odds on every stored date of a season, oldest first",
  tag: 'predictions',
  query: OutlookHistoryQuery,
  responses: { 200: ['History', OutlookHistoryResponse], 400: BAD_REQUEST },
});

/** The season outlook's routes: reads through @nba/lifecycle (the API runs no SQL of its own). */
export function outlookRouter(db: DbClient): Router {
  const router = Router();
  serve(router, GET_OUTLOOK, async ({ query: { date } }, _req, res) => {
    const outlook = date === undefined ? await latestOutlook(db) : await outlookOfDate(db, date);
    if (!outlook) {
      throw new ApiError(
        'NOT_FOUND',
        date === undefined
          ? 'no season outlook stored yet; the daily pipeline stores one'
          : `no season outlook stored for ${date}`,
      );
    }
    res.json(outlookView(outlook));
  });
  serve(router, GET_OUTLOOK_HISTORY, async ({ query: { team, season } }, _req, res) => {
    res.json({ team, season, history: (await teamOutlookHistory(db, team, season)).map(teamOutlookView) });
  });
  return router;
}
