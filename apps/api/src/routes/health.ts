import { Router } from 'express';
import { pingDatabase, type DbClient } from '@nba/db';
import type { FeatureStore } from '../feature-store';
import { HealthResponse, ReadyResponse } from '../schemas/health';
import type { ServedModels } from '../served-models';
import { apiRoute, serve } from './api-route';

export interface HealthDeps {
  db: DbClient;
  models: ServedModels;
  features: FeatureStore;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  isShuttingDown: () => boolean;
}

/** Under the readiness probe's timeout (3 s), whatever the database timeouts are. */
const DB_TIMEOUT_MS = 2_000;

/** `GET /health`. */
export const GET_HEALTH = apiRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness: the process answers',
  tag: 'operations',
  responses: { 200: ['Alive', HealthResponse] },
});

/** `GET /ready`. */
export const GET_READY = apiRoute({
  method: 'get',
  path: '/ready',
  summary: 'Readiness: database reachable, production model and feature state loaded',
  tag: 'operations',
  responses: { 200: ['Ready to serve', ReadyResponse], 503: ['Not ready, with the reason', ReadyResponse] },
});

/** `GET /health` (the process answers) and `GET /ready` (database reachable, every served model and the features loaded). */
export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  const started = Date.now();
  serve(router, GET_HEALTH, (_input, _req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  serve(router, GET_READY, async (_input, _req, res) => {
    const dbError = await pingDatabase(deps.db, DB_TIMEOUT_MS);
    const loaded = deps.models.all.map((m) => ({ name: m.name, model: m.holder.current }));
    const model = deps.models.main.holder.current;
    const snap = deps.features.current;
    const reasons: string[] = [];
    if (deps.isShuttingDown()) reasons.push('shutting down');
    if (dbError) reasons.push(`database ${dbError}`);
    for (const m of loaded) if (!m.model) reasons.push(`no production version of model '${m.name}' is loaded`);
    if (!snap) reasons.push('the feature state is not built yet');
    res.status(reasons.length ? 503 : 200).json({
      status: reasons.length ? 'not_ready' : 'ready',
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      database: dbError ? { ok: false, error: dbError } : { ok: true },
      model: model ? { name: model.name, version: model.version, loadedAt: model.loadedAt.toISOString() } : null,
      models: loaded.map((m) => ({
        name: m.name,
        version: m.model?.version ?? null,
        loadedAt: m.model?.loadedAt.toISOString() ?? null,
      })),
      features: {
        asOf: snap?.asOf ?? null,
        games: snap?.games ?? 0,
        refreshedAt: snap?.refreshedAt.toISOString() ?? null,
      },
    });
  });
  return router;
}
