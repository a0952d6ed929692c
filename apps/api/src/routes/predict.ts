import { Router } from 'express';
import { easternDateClock } from '@nba/config';
import { ApiError } from '../errors';
import type { FeatureSnapshot, FeatureStore } from '../feature-store';
import type { ForecastCache } from '../forecast-cache';
import type { LoadedModel } from '../loaded-model';
import type { ApiMetrics } from '../metrics';
import { defaultDate, forecast } from '../predictor';
import type { ServedModels } from '../served-models';
import { ErrorResponse } from '../schemas/common';
import {
  BatchRequest,
  BatchResponse,
  Forecast,
  MAX_BATCH,
  PredictRequest,
  type ForecastOutput,
} from '../schemas/predict';
import type { WithheldForecasts } from '../withheld-forecasts';
import { apiRoute, BAD_REQUEST, serve } from './api-route';

const NO_MODEL = ['No production model loaded', ErrorResponse] as const;

/** `POST /v1/predict`. */
export const POST_PREDICT = apiRoute({
  method: 'post',
  path: '/v1/predict',
  summary: 'On-demand forecast of one matchup, with its top SHAP contributions',
  tag: 'predictions',
  body: PredictRequest,
  responses: { 200: ['Forecast', Forecast], 400: BAD_REQUEST, 503: NO_MODEL },
});

/** `POST /v1/predict/batch`. */
export const POST_PREDICT_BATCH = apiRoute({
  method: 'post',
  path: '/v1/predict/batch',
  summary: `On-demand forecasts of up to ${MAX_BATCH} matchups`,
  tag: 'predictions',
  body: BatchRequest,
  responses: { 200: ['Forecasts, in request order', BatchResponse], 400: BAD_REQUEST, 503: NO_MODEL },
});

export interface PredictDeps {
  cache: ForecastCache;
  models: ServedModels;
  features: FeatureStore;
  metrics: ApiMetrics;
  now: () => Date;
  /** Counts and logs forecasts withheld by the last-step check (absent: not recorded). */
  withheld?: WithheldForecasts;
}

/** The model asked for (default: the main one) and the feature snapshot of one request, or a 503 saying what is missing. */
function serving(deps: PredictDeps, name: string | undefined): { model: LoadedModel; snap: FeatureSnapshot } {
  const served = deps.models.pick(name);
  const model = served.holder.current;
  if (!model) {
    throw new ApiError(
      'NO_PRODUCTION_MODEL',
      `no production version of model '${served.name}' is loaded; promote one (nba-models promote --name ${served.name} --version <version>) and retry`,
    );
  }
  const snap = deps.features.current;
  if (!snap) throw new ApiError('NOT_READY', 'the feature state is still being built; retry in a moment');
  return { model, snap };
}

/**
 * `POST /v1/predict` and `POST /v1/predict/batch`: on-demand forecasts from the current feature
 * state. Validation runs first, so a bad request is a 400 even while no model is loaded. The
 * model is read once per request, so a hot swap never mixes two versions in one answer.
 */
export function predictRouter(deps: PredictDeps): Router {
  const router = Router();
  const today = easternDateClock(deps.now);
  // the date of a matchup sent without one: the same for every request until the day or the features change
  let fallback = { asOf: undefined as string | null | undefined, today: '', date: '' };
  const defaultDateOf = (snap: FeatureSnapshot): string => {
    const now = today();
    if (snap.asOf !== fallback.asOf || now !== fallback.today)
      fallback = { asOf: snap.asOf, today: now, date: defaultDate(snap.asOf, now) };
    return fallback.date;
  };
  const onWithheld =
    (model: LoadedModel, endpoint: string) =>
    (out: ForecastOutput, check: Parameters<WithheldForecasts['record']>[1]) =>
      deps.withheld?.record(
        `predict|${model.name}|${model.version}|${out.date}|${out.home}|${out.away}|${out.neutral}|${out.gameType}`,
        check,
        {
          endpoint,
          game: `${out.date} ${out.away} at ${out.home}`,
          model: out.model,
        },
      );
  serve(router, POST_PREDICT, ({ body: input }, _req, res) => {
    const { model, snap } = serving(deps, input.model);
    const date = input.date ?? defaultDateOf(snap);
    const key = `${input.home}|${input.away}|${date}|${input.neutral}|${input.gameType}|${input.explain}`;
    let json = deps.cache.get(model, snap, key);
    if (json === undefined) {
      const [one] = forecast(model, snap, [{ ...input, date }], {
        defaultDate: date,
        explain: input.explain,
        field: () => '',
        onWithheld: onWithheld(model, 'predict'),
      });
      json = JSON.stringify(one);
      deps.cache.set(model, snap, key, json);
    }
    deps.metrics.predictionsServed(model, 'predict', 1);
    res.type('application/json').send(json);
  });
  serve(router, POST_PREDICT_BATCH, ({ body: input }, _req, res) => {
    const { model, snap } = serving(deps, input.model);
    const forecasts = forecast(model, snap, input.matchups, {
      defaultDate: defaultDateOf(snap),
      explain: input.explain,
      field: (i) => `matchups.${i}.`,
      onWithheld: onWithheld(model, 'batch'),
    });
    deps.metrics.predictionsServed(model, 'batch', forecasts.length);
    res.json({ forecasts });
  });
  return router;
}
