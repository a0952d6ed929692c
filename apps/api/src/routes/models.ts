import { Router } from 'express';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import { ApiError } from '../errors';
import type { ModelHolder } from '../model-holder';
import { ModelsQuery } from '../schemas/models';
import { parseInput } from '../validate';

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

/** `GET /v1/models` (the served name's versions, newest first) and `GET /v1/models/production`. */
export function modelsRouter(registry: ModelRegistry, holder: ModelHolder, modelName: string): Router {
  const router = Router();
  router.get('/v1/models', async (req, res) => {
    const { status } = parseInput(ModelsQuery, req.query);
    const versions = await registry.list({ name: modelName, ...(status ? { status } : {}) });
    res.json({ name: modelName, models: versions.map(view) });
  });
  router.get('/v1/models/production', async (_req, res) => {
    const info = await registry.production(modelName);
    if (!info) {
      throw new ApiError('NOT_FOUND', `model '${modelName}' has no production version; promote one with: nba-models promote --name ${modelName} --version <version>`);
    }
    const loaded = holder.current;
    res.json({ model: view(info), serving: loaded ? { version: loaded.version, loadedAt: loaded.loadedAt.toISOString() } : null });
  });
  return router;
}
