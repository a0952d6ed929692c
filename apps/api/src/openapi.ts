import { z } from 'zod';
import type { ApiRoute } from './routes/api-route';
import { GET_GAMES } from './routes/games';
import { GET_HEALTH, GET_READY } from './routes/health';
import { GET_METRICS } from './routes/metrics';
import { GET_MODELS, GET_PRODUCTION_MODEL } from './routes/models';
import { POST_PREDICT, POST_PREDICT_BATCH } from './routes/predict';
import { GET_OUTLOOK, GET_OUTLOOK_HISTORY } from './routes/outlook';
import { GET_PREDICTIONS } from './routes/predictions';
import { schemaRegistry } from './schemas/common';

type Schema = z.ZodType;

/**
 * Every route of the API (the pages for people and Swagger UI aside), as each route file declares
 * it: the document is generated from these, and the routers serve exactly these declarations
 * (`serve`); a test walks the app's routes and this document both ways.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  GET_HEALTH,
  GET_READY,
  GET_METRICS,
  GET_GAMES,
  GET_PREDICTIONS,
  GET_OUTLOOK,
  GET_OUTLOOK_HISTORY,
  POST_PREDICT,
  POST_PREDICT_BATCH,
  GET_MODELS,
  GET_PRODUCTION_MODEL,
];

const REF = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema of `schema`: a $ref when it is a named component, else inline. */
function jsonSchema(schema: Schema): Record<string, unknown> {
  const id = schemaRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    metadata: schemaRegistry,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function queryParameters(query: z.ZodObject): Record<string, unknown>[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const f = field as Schema;
    const optional = f.safeParse(undefined).success;
    const inner = f instanceof z.ZodOptional ? (f.unwrap() as Schema) : f;
    return { name, in: 'query', required: !optional, schema: jsonSchema(inner) };
  });
}

/** The OpenAPI 3.1 document of `routes` (default: all of them), generated from their declarations and the zod schemas that validate requests. */
export function openApiDocument(routes: readonly ApiRoute[] = API_ROUTES): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(schemaRegistry, { io: 'input', uri: REF, unrepresentable: 'any' }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  const components: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    components[id] = rest;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, [description, target]] of Object.entries(op.responses)) {
      const content =
        'mediaType' in target
          ? { [target.mediaType]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: jsonSchema(target) } };
      responses[status] = { description, content };
    }
    responses['500'] = {
      description: 'Internal error (no details)',
      content: { 'application/json': { schema: { $ref: REF('Error') } } },
    };
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(op.query ? { parameters: queryParameters(op.query) } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'NBA predictions API',
      version: '1.0.0',
      description:
        'Forecasts of NBA games (home win probability, expected margin and total) from the production XGBoost model, stored forecasts with the market ' +
        'comparison, and the model registry.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'predictions', description: 'Stored and on-demand forecasts' },
      { name: 'games', description: 'Schedule and scores' },
      { name: 'models', description: 'Model registry views' },
      { name: 'operations', description: 'Health, readiness, metrics' },
    ],
    paths,
    components: { schemas: components },
  };
}
