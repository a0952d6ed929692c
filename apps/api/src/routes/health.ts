import { Router } from 'express';
import type { DbClient } from '@nba/db';
import type { FeatureStore } from '../feature-store';
import type { ModelHolder } from '../model-holder';

export interface HealthDeps {
  db: DbClient;
  holder: ModelHolder;
  features: FeatureStore;
  modelName: string;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  isShuttingDown: () => boolean;
}

const DB_TIMEOUT_MS = 2_000;

async function pingDatabase(db: DbClient): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
      }),
    ]);
    return undefined;
  } catch (err) {
    // the reason only: driver messages can carry host names, never the URL
    return err instanceof Error && err.message.startsWith('no answer') ? err.message : 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health` (the process answers) and `GET /ready` (database reachable, model and features loaded). */
export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/ready', async (_req, res) => {
    const dbError = await pingDatabase(deps.db);
    const model = deps.holder.current;
    const snap = deps.features.current;
    const reasons: string[] = [];
    if (deps.isShuttingDown()) reasons.push('shutting down');
    if (dbError) reasons.push(`database ${dbError}`);
    if (!model) reasons.push(`no production version of model '${deps.modelName}' is loaded`);
    if (!snap) reasons.push('the feature state is not built yet');
    res.status(reasons.length ? 503 : 200).json({
      status: reasons.length ? 'not_ready' : 'ready',
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      database: dbError ? { ok: false, error: dbError } : { ok: true },
      model: model ? { name: model.name, version: model.version, loadedAt: model.loadedAt.toISOString() } : null,
      features: { asOf: snap?.asOf ?? null, games: snap?.games ?? 0, refreshedAt: snap?.refreshedAt.toISOString() ?? null },
    });
  });
  return router;
}
