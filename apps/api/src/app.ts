import express, { type Express } from 'express';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { ModelRegistry } from '@nba/registry';
import { errorHandler, notFound } from './error-handler';
import type { FeatureStore } from './feature-store';
import { ForecastCache } from './forecast-cache';
import type { ApiMetrics } from './metrics';
import type { ServedModels } from './served-models';
import { requestContext } from './request-context';
import { securityHeaders } from './security-headers';
import { jsonBody } from './json-body';
import { methodNotAllowed } from './method-not-allowed';
import { pagesRouter } from './pages/pages-router';
import type { RenderedPages } from './pages/rendered-pages';
import { isReadRoute, ReadGate } from './read-gate';
import { docsRouter } from './routes/docs';
import { gamesRouter } from './routes/games';
import { healthRouter } from './routes/health';
import { metricsRouter } from './routes/metrics';
import { modelsRouter } from './routes/models';
import { predictionsRouter } from './routes/predictions';
import { outlookRouter } from './routes/outlook';
import { predictRouter } from './routes/predict';
import { WithheldForecasts } from './withheld-forecasts';

/** What the app is built from; `startServer` makes them, tests pass their own. */
export interface AppDeps {
  db: DbClient;
  registry: ModelRegistry;
  /** The served models; the first is the default. */
  models: ServedModels;
  features: FeatureStore;
  metrics: ApiMetrics;
  logger: Logger;
  /** Clock (tests pin it). */
  now?: () => Date;
  /** True once shutdown began. */
  isShuttingDown?: () => boolean;
  /** One info line per request (default off; errors are always logged). */
  accessLog?: boolean;
  /** Forecasts kept for repeated `POST /v1/predict` requests (default 10,000; 0: none). */
  predictCacheSize?: number;
  /** The read routes' client (pages, stored data; short timeouts) and registry on it (default: `db`, `registry`). */
  readDb?: DbClient;
  readRegistry?: ModelRegistry;
  /** `/ready`'s client: a pool page traffic never uses (default: `db`). */
  probeDb?: DbClient;
  /** Admission control and deadline of the read routes (default {@link READ_GATE_DEFAULTS}). */
  readGate?: ReadGate;
  /** The rendered record and day views, kept per data version (default: the version read for every request). */
  pages?: RenderedPages;
}

/** Largest request body accepted (a full batch is about 10 KB). */
const BODY_LIMIT = 64 * 1024;

/** Builds the Express app (no port, no timers): routes, validation, errors, metrics, docs. */
export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const isShuttingDown = deps.isShuttingDown ?? (() => false);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestContext(deps.logger, deps.metrics, deps.accessLog ?? false));
  app.use(securityHeaders());
  app.use((_req, res, next) => {
    // during shutdown, ask keep-alive clients to reconnect (to another instance)
    if (isShuttingDown()) res.setHeader('connection', 'close');
    next();
  });
  app.use(jsonBody(BODY_LIMIT));
  // one memory of withheld forecasts for the three places that publish them (counted and logged once each)
  const withheld = new WithheldForecasts(deps.metrics, deps.logger);

  // the hot route first: every router ahead of it costs each request a matching pass
  app.use(
    predictRouter({
      cache: new ForecastCache(deps.predictCacheSize ?? 10_000),
      models: deps.models,
      features: deps.features,
      metrics: deps.metrics,
      now,
      withheld,
    }),
  );
  app.use(healthRouter({ db: deps.probeDb ?? deps.db, models: deps.models, features: deps.features, isShuttingDown }));
  app.use(metricsRouter(deps.metrics));
  app.use(docsRouter());

  // everything below reads the database per request: bounded, queued, shed before it can hurt the probes
  const gate = deps.readGate ?? new ReadGate();
  const admit = gate.middleware();
  app.use((req, res, next) => (isReadRoute(req.method, req.path) ? admit(req, res, next) : next()));
  const readDb = deps.readDb ?? deps.db;
  const readRegistry = deps.readRegistry ?? deps.registry;
  app.use(gamesRouter(readDb));
  app.use(predictionsRouter(readDb, withheld));
  app.use(outlookRouter(readDb));
  app.use(modelsRouter(readRegistry, deps.models));
  // the page for people (HTML): after the JSON routes, which clients call far more often
  app.use(
    pagesRouter({
      db: readDb,
      registry: readRegistry,
      defaultModel: deps.models.main.name,
      now,
      withheld,
      pages: deps.pages,
    }),
  );
  app.use(gate.lateAnswers());

  app.use(methodNotAllowed(app));
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
