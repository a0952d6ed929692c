import { z } from 'zod';
import { ErrorResponse, DateQuery, schemaRegistry } from './schemas/common';
import { GamesResponse } from './schemas/games';
import { HealthResponse, ReadyResponse } from './schemas/health';
import { ModelsQuery, ModelsResponse, ProductionResponse } from './schemas/models';
import { BatchRequest, BatchResponse, Forecast, MAX_BATCH, PredictRequest } from './schemas/predict';
import { PredictionsResponse } from './schemas/predictions';

type Schema = z.ZodType;

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: Schema;
  /** Status -> [description, schema (JSON) or media type and example text]. */
  responses: Record<number, [string, Schema] | [string, { mediaType: string }]>;
}

const bad: [string, Schema] = ['Invalid input: every bad field named', ErrorResponse];
const noModel: [string, Schema] = ['No production model loaded', ErrorResponse];

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/health', summary: 'Liveness: the process answers', tag: 'operations', responses: { 200: ['Alive', HealthResponse] } },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness: database reachable, production model and feature state loaded',
    tag: 'operations',
    responses: { 200: ['Ready to serve', ReadyResponse], 503: ['Not ready, with the reason', ReadyResponse] },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    tag: 'operations',
    responses: { 200: ['Text exposition format', { mediaType: 'text/plain' }] },
  },
  {
    method: 'get',
    path: '/v1/games',
    summary: "A date's games with status and scores",
    tag: 'games',
    query: DateQuery,
    responses: { 200: ['Games', GamesResponse], 400: bad },
  },
  {
    method: 'get',
    path: '/v1/predictions',
    summary: 'Stored forecasts for a date: probability, margin, total, model version, market and edge',
    tag: 'predictions',
    query: DateQuery,
    responses: { 200: ['Forecasts', PredictionsResponse], 400: bad },
  },
  {
    method: 'post',
    path: '/v1/predict',
    summary: 'On-demand forecast of one matchup, with its top SHAP contributions',
    tag: 'predictions',
    body: PredictRequest,
    responses: { 200: ['Forecast', Forecast], 400: bad, 503: noModel },
  },
  {
    method: 'post',
    path: '/v1/predict/batch',
    summary: `On-demand forecasts of up to ${MAX_BATCH} matchups`,
    tag: 'predictions',
    body: BatchRequest,
    responses: { 200: ['Forecasts, in request order', BatchResponse], 400: bad, 503: noModel },
  },
  {
    method: 'get',
    path: '/v1/models',
    summary: 'Registered versions of the served model, newest first',
    tag: 'models',
    query: ModelsQuery,
    responses: { 200: ['Versions', ModelsResponse], 400: bad },
  },
  {
    method: 'get',
    path: '/v1/models/production',
    summary: 'The production version and the version this instance serves',
    tag: 'models',
    responses: { 200: ['Production version', ProductionResponse], 404: ['No production version', ErrorResponse] },
  },
];

const REF = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema of `schema`: a $ref when it is a named component, else inline. */
function jsonSchema(schema: Schema): Record<string, unknown> {
  const id = schemaRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', metadata: schemaRegistry, unrepresentable: 'any' }) as Record<string, unknown>;
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

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document, generated from the zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const { schemas } = z.toJSONSchema(schemaRegistry, { io: 'input', uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  const components: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    components[id] = rest;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, [description, target]] of Object.entries(op.responses)) {
      const content =
        'mediaType' in target ? { [target.mediaType]: { schema: { type: 'string' } } } : { 'application/json': { schema: jsonSchema(target as Schema) } };
      responses[status] = { description, content };
    }
    responses['500'] = { description: 'Internal error (no details)', content: { 'application/json': { schema: { $ref: REF('Error') } } } };
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(op.query ? { parameters: queryParameters(op.query) } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
      responses,
    };
  }
  cached = {
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
  return cached;
}
