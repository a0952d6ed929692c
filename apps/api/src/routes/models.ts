import { Router } from 'express';
import { required } from '@nba/errors';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import { ApiError } from '../errors';
import { ErrorResponse } from '../schemas/common';
import { ModelsQuery, ModelsResponse, ProductionResponse } from '../schemas/models';
import type { ServedModel, ServedModels } from '../served-models';
import { apiRoute, BAD_REQUEST, serve } from './api-route';

/** `GET /v1/models?status=&name=`. */
export const GET_MODELS = apiRoute({
  method: 'get',
  path: '/v1/models',
  summary: 'Registered versions of the served model, newest first',
  tag: 'models',
  query: ModelsQuery,
  responses: { 200: ['Versions', ModelsResponse], 400: BAD_REQUEST },
});

/** `GET /v1/models/production`. */
export const GET_PRODUCTION_MODEL = apiRoute({
  method: 'get',
  path: '/v1/models/production',
  summary: 'The production version and the version this instance serves',
  tag: 'models',
  responses: { 200: ['Production version', ProductionResponse], 404: ['No production version', ErrorResponse] },
});

/** A registry version as JSON (dates as ISO text). */
function view(v: ModelVersionInfo) {
  return {
    name: v.name,
    version: v.version,
    status: v.status,
    featureSpec: v.featureSpec,
    params: v.params,
    metrics: v.metrics,
    trainedFrom: v.trainedFrom,
    trainedTo: v.trainedTo,
    trainingGames: v.trainingGames,
    gitCommit: v.gitCommit,
    notes: v.notes,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    promotedAt: v.promotedAt?.toISOString() ?? null,
    archivedAt: v.archivedAt?.toISOString() ?? null,
    artifacts: v.artifacts,
  };
}

/** The version this instance has loaded for a served model. */
function serving(m: ServedModel) {
  const loaded = m.holder.current;
  return loaded ? { version: loaded.version, loadedAt: loaded.loadedAt.toISOString() } : null;
}

/**
 * `GET /v1/models?name=` (a served model's versions, newest first; default the main model) and
 * `GET /v1/models/production` (the main model's production version, and every served model's in `models`).
 */
export function modelsRouter(registry: ModelRegistry, models: ServedModels): Router {
  const router = Router();
  serve(router, GET_MODELS, async ({ query: { status, name } }, _req, res) => {
    const served = models.pick(name, 'name');
    const versions = await registry.listVersions({ name: served.name, ...(status ? { status } : {}) });
    res.json({ name: served.name, models: versions.map(view) });
  });
  serve(router, GET_PRODUCTION_MODEL, async (_input, _req, res) => {
    const all = await Promise.all(
      models.all.map(async (m) => ({
        name: m.name,
        info: await registry.getProductionVersion(m.name),
        serving: serving(m),
      })),
    );
    const main = required(all[0], "the main model's production version");
    if (!main.info) {
      throw new ApiError(
        'NOT_FOUND',
        `model '${main.name}' has no production version; promote one with: nba-models promote --name ${main.name} --version <version>`,
      );
    }
    res.json({
      model: view(main.info),
      serving: main.serving,
      models: all.map((m) => ({ name: m.name, model: m.info ? view(m.info) : null, serving: m.serving })),
    });
  });
  return router;
}
