import { createDbClient } from '@nba/db';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createApp } from '../src/app';
import { FeatureStore } from '../src/feature-store';
import { ApiMetrics } from '../src/metrics';
import { registeredRoutes } from '../src/method-not-allowed';
import { ModelHolder } from '../src/model-holder';
import { openApiDocument } from '../src/openapi';
import { pagesRouter } from '../src/pages/pages-router';
import { docsRouter } from '../src/routes/docs';
import { ServedModels } from '../src/served-models';

// A route cannot be served without being documented, nor documented without being served: the
// Express app's registered routes against the OpenAPI document's paths and methods, both ways. The
// pages for people (HTML) and Swagger UI's own files are the only routes outside the document.

/** `METHOD /path` of each route, OpenAPI's `{param}` written as Express's `:param`. */
function operations(routes: { path: string; methods: string[] }[]): string[] {
  return routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
}

test("the app serves exactly the OpenAPI document's operations, besides the pages and Swagger UI", () => {
  // a client on a port nothing listens on: building the app opens no connection
  const db = createDbClient('postgresql://nobody@127.0.0.1:9/none');
  const logger = silentLogger();
  const registry = new ModelRegistry(db, { logger });
  const app = createApp({
    db,
    registry,
    models: new ServedModels([{ name: 'nba-winner', holder: new ModelHolder() }]),
    features: new FeatureStore(db, logger),
    metrics: new ApiMetrics(db, logger),
    logger,
  });
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    .sort();
  const forPeople = new Set(
    operations([
      ...registeredRoutes(pagesRouter({ db, registry, defaultModel: 'nba-winner', now: () => new Date() })),
      ...registeredRoutes(docsRouter()),
    ]),
  );
  const served = operations(registeredRoutes(app)).filter((op) => !forPeople.has(op));
  expect(served).toEqual(documented);
  expect(documented).toContain('POST /v1/predict');
  expect(forPeople).toContain('GET /docs');
  expect(forPeople).toContain('GET /record');
});
