import { Router } from 'express';
import { databaseProblemOf, type DbClient } from '@nba/db';
import type { FeatureStore } from '../feature-store';
import type { ServedModels } from '../served-models';

export interface HealthDeps {
  db: DbClient;
  models: ServedModels;
  features: FeatureStore;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  isShuttingDown: () => boolean;
}

/** Under the readiness probe's timeout (3 s), whatever the database timeouts are. */
const DB_TIMEOUT_MS = 2_000;

/** Undefined when the database answers; else the kind of problem (`unavailable`, `not_migrated`, ...). */
async function pingDatabase(db: DbClient): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answered = await Promise.race([
      db.$queryRaw`SELECT 1`.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), DB_TIMEOUT_MS);
      }),
    ]);
    return answered ? undefined : `unavailable: no answer within ${DB_TIMEOUT_MS} ms`;
  } catch (err) {
    // the kind only: the operator's line (with the server's address) is in the logs
    return databaseProblemOf(err)?.kind ?? 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health` (the process answers) and `GET /ready` (database reachable, every served model and the features loaded). */
export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/ready', async (_req, res) => {
    const dbError = await pingDatabase(deps.db);
    const loaded = deps.models.all.map((m) => ({ name: m.name, model: m.holder.current }));
    const model = loaded[0]!.model;
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
      models: loaded.map((m) => ({ name: m.name, version: m.model?.version ?? null, loadedAt: m.model?.loadedAt.toISOString() ?? null })),
      features: { asOf: snap?.asOf ?? null, games: snap?.games ?? 0, refreshedAt: snap?.refreshedAt.toISOString() ?? null },
    });
  });
  return router;
}
