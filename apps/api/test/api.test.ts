import { Writable } from 'node:stream';
import { Script } from 'node:vm';
import request from 'supertest';
import { createDbClient } from '@nba/db';
import { required } from '@nba/errors';
import { createLogger, silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { closeTo, createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { createApp } from '../src/app';
import { FeatureStore } from '../src/feature-store';
import { ApiMetrics } from '../src/metrics';
import { ModelHolder } from '../src/model-holder';
import { ServedModels } from '../src/served-models';
import { openApiDocument } from '../src/openapi';
import { GamesResponse } from '../src/schemas/games';
import { HealthResponse, ReadyResponse } from '../src/schemas/health';
import { ModelsResponse, ProductionResponse } from '../src/schemas/models';
import { BatchResponse, Forecast } from '../src/schemas/predict';
import { PredictionsResponse } from '../src/schemas/predictions';
import { ErrorResponse } from '../src/schemas/common';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';
import { buildTestApp, type TestApp } from './test-app';

let db: TestDatabase;
let t: TestApp;
const history = syntheticHistory({ seasons: [2023, 2024] });
const lastDay = required(history.at(-1), 'the last game').date;
const pastDay = required(history.at(-40), 'the 40th game from the end').date;
const upcoming = { date: '', home: 'BOS', away: 'NYK' };

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_test' });
  await insertGames(db.client, history);
  // an upcoming game with odds: two days after the last results
  const d = new Date(`${lastDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 2);
  upcoming.date = d.toISOString().slice(0, 10);
  const game = await db.client.game.create({
    data: {
      gameKey: `${upcoming.date.replaceAll('-', '')}_NYK_BOS`,
      season: 2024,
      date: d,
      tipoff: new Date(`${upcoming.date}T23:30:00Z`),
      homeCode: 'BOS',
      awayCode: 'NYK',
      source: 'test',
    },
  });
  const capturedAt = new Date(`${upcoming.date}T12:00:00Z`);
  await db.client.oddsSnapshot.createMany({
    data: [
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'h2h',
        capturedAt,
        homePrice: -150,
        awayPrice: 130,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'spreads',
        capturedAt,
        homePoint: -3.5,
        homePrice: -110,
        awayPrice: -110,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'totals',
        capturedAt,
        totalPoint: 225.5,
        overPrice: -110,
        underPrice: -110,
        source: 'test',
      },
    ],
  });
  const model = trainOn(history);
  const registry = new ModelRegistry(db.client, { logger: silentLogger() });
  await registerModel(registry, model, 'nba-winner', '1.0.0', { promote: true });
  disposeModel(model);
  // stored predictions for a past day: one settled
  const version = await db.client.modelVersion.findFirstOrThrow({ where: { name: 'nba-winner', version: '1.0.0' } });
  const games = await db.client.game.findMany({
    where: { date: new Date(`${pastDay}T00:00:00Z`) },
    orderBy: { id: 'asc' },
  });
  await db.client.prediction.create({
    data: {
      gameId: required(games[0], `a game on ${pastDay}`).id,
      modelVersionId: version.id,
      homeWinProb: 0.62,
      expectedMargin: 3.1,
      expectedTotal: 221.5,
      marketHomeProb: 0.58,
      edge: 0.04,
      marketSpread: -2.5,
      marketTotal: 220,
      settledAt: new Date(),
      homeWon: true,
      logLoss: -Math.log(0.62),
      brier: 0.38 ** 2,
    },
  });
  await db.client.prediction.create({
    data: {
      gameId: required(games[1], `a second game on ${pastDay}`).id,
      modelVersionId: version.id,
      homeWinProb: 0.41,
      expectedMargin: -2,
      expectedTotal: 218,
    },
  });
  t = await buildTestApp(db);
});

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

/** The parts of the OpenAPI document (`GET /openapi.json`) the tests read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get?: { parameters?: unknown[] } } | undefined>;
  components: {
    schemas: Record<
      string,
      | {
          required?: string[];
          additionalProperties?: boolean;
          enum?: unknown[];
          properties?: Record<string, { maxItems?: number } | undefined>;
        }
      | undefined
    >;
  };
}

/** Checks an error body's code, request id and (when given) that a detail names `field`; returns the error. */
function expectError(body: unknown, code: string, field?: string) {
  const { error } = ErrorResponse.parse(body);
  expect(error.code).toBe(code);
  expect(error.requestId).toBeTruthy();
  if (field) expect(error.details?.map((d) => d.field)).toContain(field);
  return error;
}

describe('health and readiness', () => {
  test('GET /health answers while the process is up', async () => {
    const res = await request(t.app).get('/health').expect(200);
    expect(HealthResponse.parse(res.body).status).toBe('ok');
  });

  test('GET /ready reports the database, the model and the features', async () => {
    const res = await request(t.app).get('/ready').expect(200);
    const body = ReadyResponse.parse(res.body);
    expect(body.status).toBe('ready');
    expect(body.model).toEqual({ name: 'nba-winner', version: '1.0.0', loadedAt: matching(/^\d{4}-\d\d-\d\dT/) });
    expect(body.features.asOf).toBe(lastDay);
    expect(body.features.games).toBe(history.length);
  });
});

describe('GET /v1/games', () => {
  test("returns the date's games with status and scores", async () => {
    const res = await request(t.app).get(`/v1/games?date=${pastDay}`).expect(200);
    const body = GamesResponse.parse(res.body);
    const expected = history.filter((g) => g.date === pastDay);
    expect(body.games).toHaveLength(expected.length);
    for (const g of expected) {
      const got = body.games.find((x) => x.gameKey === g.id);
      expect(got).toMatchObject({
        home: g.home,
        away: g.away,
        status: 'final',
        homeScore: g.homePts,
        awayScore: g.awayPts,
      });
    }
  });

  test('a scheduled game has no score', async () => {
    const res = await request(t.app).get(`/v1/games?date=${upcoming.date}`).expect(200);
    expect(GamesResponse.parse(res.body).games).toMatchObject([
      { home: 'BOS', away: 'NYK', status: 'scheduled', homeScore: null },
    ]);
  });

  test.each([
    ['', 'date', 'is required'],
    ['?date=2024-02-30', 'date', 'must be a calendar date as YYYY-MM-DD'],
    ['?date=yesterday', 'date', 'must be a calendar date as YYYY-MM-DD'],
    [`?date=${pastDay}&team=BOS`, 'team', 'is not a known field'],
  ])('400 for %s', async (query, field, problem) => {
    const res = await request(t.app).get(`/v1/games${query}`).expect(400);
    expect(expectError(res.body, 'VALIDATION_FAILED', field).details).toContainEqual({ field, problem });
  });
});

describe('GET /v1/predictions', () => {
  test('returns stored forecasts with market, edge, model version and settlement', async () => {
    const res = await request(t.app).get(`/v1/predictions?date=${pastDay}`).expect(200);
    const body = PredictionsResponse.parse(res.body);
    expect(body.predictions).toHaveLength(2);
    const [settled, open] = body.predictions;
    expect(settled).toMatchObject({
      homeWinProbability: 0.62,
      expectedMargin: 3.1,
      expectedTotal: 221.5,
      model: { name: 'nba-winner', version: '1.0.0' },
    });
    expect(settled?.market).toEqual({ homeProbability: 0.58, spread: -2.5, total: 220, edge: 0.04 });
    expect(settled?.settlement).toMatchObject({ homeWon: true, brier: closeTo(0.1444, 6) });
    expect(open?.market).toBeNull();
    expect(open?.settlement).toBeNull();
  });

  test('an empty day is an empty list', async () => {
    const res = await request(t.app).get('/v1/predictions?date=2030-01-01').expect(200);
    expect(res.body).toEqual({ date: '2030-01-01', predictions: [] });
  });

  test('400 for a bad date', async () => {
    const res = await request(t.app).get('/v1/predictions?date=2024-13-01').expect(400);
    expectError(res.body, 'VALIDATION_FAILED', 'date');
  });
});

describe('POST /v1/predict', () => {
  test('forecasts a matchup with its top SHAP contributions', async () => {
    const res = await request(t.app).post('/v1/predict').send({ home: 'bos', away: 'LAL' }).expect(200);
    const f = Forecast.parse(res.body);
    expect(f).toMatchObject({
      home: 'BOS',
      away: 'LAL',
      neutral: false,
      gameType: 'regular',
      model: { name: 'nba-winner', version: '1.0.0' },
      featuresAsOf: lastDay,
      market: null,
    });
    expect(f.homeWinProbability).toBeGreaterThan(0);
    expect(f.homeWinProbability).toBeLessThan(1);
    expect(
      required(f.homeWinProbability, 'the home probability') + required(f.awayWinProbability, 'the away probability'),
    ).toBeCloseTo(1, 12);
    expect(f.expectedTotal).toBeGreaterThan(150);
    expect(f.date > lastDay).toBe(true);
    const { contributions } = required(f.explanation, 'the explanation');
    expect(contributions).toHaveLength(5);
    const sizes = contributions.map((c) => Math.abs(c.contribution));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  test('explain sets how many contributions are listed (0: none); the forecast does not change', async () => {
    const none = Forecast.parse(
      (await request(t.app).post('/v1/predict').send({ home: 'MIA', away: 'DEN', explain: 0 }).expect(200)).body,
    );
    const many = Forecast.parse(
      (await request(t.app).post('/v1/predict').send({ home: 'MIA', away: 'DEN', explain: 12 }).expect(200)).body,
    );
    expect(none.explanation).toBeUndefined();
    expect(many.explanation?.contributions).toHaveLength(12);
    expect(none.homeWinProbability).toBe(many.homeWinProbability);
  });

  test('a cached forecast is identical to a freshly computed one', async () => {
    const body = { home: 'OKC', away: 'SAS', explain: 7 };
    const first = await request(t.app).post('/v1/predict').send(body).expect(200);
    const second = await request(t.app).post('/v1/predict').send(body).expect(200);
    const noCache = createApp({
      db: db.client,
      registry: t.registry,
      models: t.models,
      features: t.features,
      metrics: t.metrics,
      logger: silentLogger(),
      predictCacheSize: 0,
    });
    const fresh = await request(noCache).post('/v1/predict').send(body).expect(200);
    expect(second.text).toBe(first.text);
    expect(fresh.body).toEqual(first.body);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
  });

  test('uses the stored line of an upcoming game and reports market and edge', async () => {
    const res = await request(t.app)
      .post('/v1/predict')
      .send({ ...upcoming })
      .expect(200);
    const f = Forecast.parse(res.body);
    const ph = 150 / 250;
    const pa = 100 / 230;
    const market = required(f.market, 'the market');
    const marketHome = required(market.homeProbability, "the market's home probability");
    expect(marketHome).toBeCloseTo(ph / (ph + pa), 9);
    expect(market.spread).toBe(-3.5);
    expect(market.total).toBe(225.5);
    expect(market.edge).toBeCloseTo(required(f.homeWinProbability, 'the home probability') - marketHome, 12);
  });

  test('neutral site lowers the home forecast', async () => {
    const date = upcoming.date;
    const home = Forecast.parse(
      (await request(t.app).post('/v1/predict').send({ home: 'CHI', away: 'ATL', date }).expect(200)).body,
    );
    const neutral = Forecast.parse(
      (await request(t.app).post('/v1/predict').send({ home: 'CHI', away: 'ATL', date, neutral: true }).expect(200))
        .body,
    );
    expect(neutral.neutral).toBe(true);
    expect(neutral.homeWinProbability).not.toBe(home.homeWinProbability);
  });

  test.each([
    [{ home: 'XXX', away: 'BOS' }, 'home', 'unknown team code "XXX"'],
    [{ home: 'BOS', away: 'BOS' }, 'away', 'must differ from home'],
    [{ home: 'BOS', away: 'NYK', date: '2024-02-31' }, 'date', 'must be a calendar date'],
    [{ home: 'BOS', away: 'NYK', date: '2023-11-01' }, 'date', 'must be after'],
    [{ home: 'BOS' }, 'away', 'is required'],
    [{ home: 'BOS', away: 'NYK', neutral: 'yes' }, 'neutral', 'must be true or false'],
    [{ home: 'BOS', away: 'NYK', gameType: 'exhibition' }, 'gameType', 'must be one of'],
    [{ home: 'BOS', away: 'NYK', explain: 99 }, 'explain', 'must be at most 50'],
    [{ home: 'BOS', away: 'NYK', venue: 'TD Garden' }, 'venue', 'is not a known field'],
    [[1, 2], '(body)', 'must be a JSON object'],
  ])('400 for %j naming %s', async (body, field, problem) => {
    const res = await request(t.app)
      .post('/v1/predict')
      .send(body as object)
      .expect(400);
    const error = expectError(res.body, 'VALIDATION_FAILED', field);
    expect(error.details?.find((d) => d.field === field)?.problem).toContain(problem);
  });

  test('400 for a body that is not JSON', async () => {
    const res = await request(t.app)
      .post('/v1/predict')
      .set('content-type', 'application/json')
      .send('{"home": "BOS",')
      .expect(400);
    expectError(res.body, 'INVALID_JSON', '(body)');
  });

  test('413 for a body over 64 KB, 400 for a charset other than UTF-8', async () => {
    const big = JSON.stringify({ home: 'BOS', away: 'NYK', pad: 'x'.repeat(70_000) });
    const res = await request(t.app).post('/v1/predict').set('content-type', 'application/json').send(big).expect(413);
    expectError(res.body, 'PAYLOAD_TOO_LARGE');
    const latin = await request(t.app)
      .post('/v1/predict')
      .set('content-type', 'application/json; charset=latin1')
      .send('{"home":"BOS","away":"NYK"}')
      .expect(400);
    expectError(latin.body, 'VALIDATION_FAILED', '(body)');
  });

  test('400 for a missing body', async () => {
    const res = await request(t.app).post('/v1/predict').expect(400);
    expectError(res.body, 'VALIDATION_FAILED', '(body)');
  });
});

describe('POST /v1/predict/batch', () => {
  test('forecasts every matchup in order, equal to single forecasts', async () => {
    const matchups = [
      { home: 'BOS', away: 'NYK', date: upcoming.date },
      { home: 'LAL', away: 'GSW', date: upcoming.date, neutral: true },
      { home: 'PHX', away: 'DAL' },
    ];
    const res = await request(t.app).post('/v1/predict/batch').send({ matchups }).expect(200);
    const { forecasts } = BatchResponse.parse(res.body);
    expect(forecasts.map((f) => `${f.home}-${f.away}`)).toEqual(['BOS-NYK', 'LAL-GSW', 'PHX-DAL']);
    for (const [i, m] of matchups.entries()) {
      const single = await request(t.app).post('/v1/predict').send(m).expect(200);
      expect(forecasts[i]).toEqual(single.body);
    }
  });

  test('100 matchups are fine, 101 are a 400', async () => {
    const m = { home: 'BOS', away: 'NYK' };
    const ok = await request(t.app)
      .post('/v1/predict/batch')
      .send({ matchups: Array(100).fill(m), explain: 0 })
      .expect(200);
    expect(BatchResponse.parse(ok.body).forecasts).toHaveLength(100);
    const res = await request(t.app)
      .post('/v1/predict/batch')
      .send({ matchups: Array(101).fill(m) })
      .expect(400);
    expect(expectError(res.body, 'VALIDATION_FAILED', 'matchups').details?.[0]?.problem).toBe(
      'must hold at most 100 matchups',
    );
  });

  test('names the bad matchup by index', async () => {
    const res = await request(t.app)
      .post('/v1/predict/batch')
      .send({
        matchups: [
          { home: 'BOS', away: 'NYK' },
          { home: 'BOS', away: 'ZZZ' },
          { home: 'MIA', away: 'MIA' },
        ],
      })
      .expect(400);
    expect(expectError(res.body, 'VALIDATION_FAILED').details?.map((d) => d.field)).toEqual([
      'matchups.1.away',
      'matchups.2.away',
    ]);
  });

  test('a date before the features is named by index', async () => {
    const res = await request(t.app)
      .post('/v1/predict/batch')
      .send({
        matchups: [
          { home: 'BOS', away: 'NYK' },
          { home: 'BOS', away: 'MIA', date: lastDay },
        ],
      })
      .expect(400);
    expectError(res.body, 'VALIDATION_FAILED', 'matchups.1.date');
  });

  test('an empty batch is a 400', async () => {
    const res = await request(t.app).post('/v1/predict/batch').send({ matchups: [] }).expect(400);
    expectError(res.body, 'VALIDATION_FAILED', 'matchups');
  });
});

describe('models', () => {
  test('GET /v1/models lists the versions, filtered by status', async () => {
    const res = await request(t.app).get('/v1/models').expect(200);
    const body = ModelsResponse.parse(res.body);
    expect(body.models.map((m) => [m.version, m.status])).toEqual([['1.0.0', 'production']]);
    const production = required(body.models[0], 'the production version');
    expect(production.featureSpec.features.length).toBeGreaterThan(30);
    expect(production.artifacts.map((a) => a.role)).toEqual(['margin', 'total', 'win']);
    const staging = await request(t.app).get('/v1/models?status=staging').expect(200);
    expect(ModelsResponse.parse(staging.body).models).toEqual([]);
    const bad = await request(t.app).get('/v1/models?status=live').expect(400);
    expectError(bad.body, 'VALIDATION_FAILED', 'status');
  });

  test('GET /v1/models/production shows the version and what this instance serves', async () => {
    const res = await request(t.app).get('/v1/models/production').expect(200);
    const body = ProductionResponse.parse(res.body);
    expect(body.model.version).toBe('1.0.0');
    expect(body.serving?.version).toBe('1.0.0');
  });
});

describe('metrics, docs, errors and headers', () => {
  test('GET /metrics exposes requests, latency, predictions served, model version and live scores', async () => {
    const served = (text: string) =>
      Number(
        /predictions_served_total\{model="nba-winner",version="1.0.0",endpoint="batch"\} (\d+)/.exec(text)?.[1] ?? 0,
      );
    const before = served((await request(t.app).get('/metrics').expect(200)).text);
    await request(t.app).post('/v1/predict').send({ home: 'BOS', away: 'NYK' }).expect(200);
    await request(t.app)
      .post('/v1/predict/batch')
      .send({
        matchups: [
          { home: 'BOS', away: 'NYK' },
          { home: 'MIA', away: 'NYK' },
        ],
      })
      .expect(200);
    await request(t.app).post('/v1/predict/batch').send({ matchups: [] }).expect(400);
    await request(t.app).get('/nope').expect(404);
    const res = await request(t.app).get('/metrics').expect(200);
    expect(served(res.text)).toBe(before + 2);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/v1\/predict",status="200"\} \d+/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="<unmatched>",status="404"\} 1/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/v1\/predict",status="200"\} \d+/,
    );
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/v1\/predict\/batch",status="400"\} \d+/);
    expect(text).toContain('model_info{model="nba-winner",version="1.0.0"} 1');
    expect(text).toContain('model_live_settled_predictions{model="nba-winner",version="1.0.0",kind="live"} 1');
    expect(text).toContain('model_live_accuracy{model="nba-winner",version="1.0.0",kind="live"} 1');
    expect(text).toMatch(/model_live_brier\{model="nba-winner",version="1.0.0",kind="live"\} 0.1444/);
    expect(text).toContain('process_resident_memory_bytes');
  });

  test('GET /openapi.json is an OpenAPI 3.1 document whose references all resolve', async () => {
    const res = await request(t.app).get('/openapi.json').expect(200);
    const doc = res.body as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/health',
      '/metrics',
      '/ready',
      '/v1/games',
      '/v1/models',
      '/v1/models/production',
      '/v1/outlook',
      '/v1/outlook/history',
      '/v1/predict',
      '/v1/predict/batch',
      '/v1/predictions',
    ]);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas[r.slice(r.lastIndexOf('/') + 1, -1)]).toBeDefined();
    // the request schema is the validating zod schema, rendered
    const { schemas } = doc.components;
    expect(schemas.PredictRequest?.required).toEqual(['home', 'away']);
    expect(schemas.PredictRequest?.additionalProperties).toBe(false);
    expect(schemas.TeamCode?.enum).toHaveLength(30);
    expect(schemas.BatchPredictRequest?.properties?.matchups?.maxItems).toBe(100);
    expect(doc.paths['/v1/games']?.get?.parameters).toEqual([
      { name: 'date', in: 'query', required: true, schema: { $ref: '#/components/schemas/IsoDate' } },
    ]);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  test('GET /docs serves Swagger UI, self-hosted: the page, swagger-ui-dist files and the start-up script that loads /openapi.json', async () => {
    const page = await request(t.app).get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    // every asset is served by the API itself (no CDN)
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual([
      '/docs/swagger-ui.css',
      '/docs/favicon-32x32.png',
      '/docs/swagger-ui-bundle.js',
      '/docs/init.js',
    ]);
    const types = {
      '/docs/swagger-ui.css': /^text\/css/,
      '/docs/favicon-32x32.png': /^image\/png/,
      '/docs/swagger-ui-bundle.js': /javascript/,
      '/docs/init.js': /javascript/,
    };
    for (const [asset, type] of Object.entries(types)) {
      const res = await request(t.app).get(asset).expect(200);
      expect(res.headers['content-type']).toMatch(type);
    }
    const bundle = await request(t.app).get('/docs/swagger-ui-bundle.js').expect(200);
    expect(bundle.text).toContain('SwaggerUIBundle');
    const js = await request(t.app).get('/docs/init.js').expect(200);
    expect(js.text).toContain("url: '/openapi.json'");
    expect(() => new Script(js.text, { filename: 'init.js' })).not.toThrow(); // compiles, not run
    // only the files the page uses
    await request(t.app).get('/docs/index.html').expect(404);
  });

  test('unknown routes are a 404 in the error shape', async () => {
    const res = await request(t.app).get('/v2/games').expect(404);
    expect(expectError(res.body, 'ROUTE_NOT_FOUND').message).toContain('GET /v2/games');
    const post = await request(t.app).post('/v2/games').send({}).expect(404);
    expectError(post.body, 'ROUTE_NOT_FOUND');
  });

  test('request ids: echoed when safe, generated otherwise, in the error body too', async () => {
    const mine = await request(t.app).get('/health').set('x-request-id', 'abc-123').expect(200);
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const generated = await request(t.app).get('/health').set('x-request-id', 'bad id\twith spaces').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const err = await request(t.app).get('/v1/games').set('x-request-id', 'req-42').expect(400);
    expect(ErrorResponse.parse(err.body).error.requestId).toBe('req-42');
  });

  test('helmet headers are set', async () => {
    const res = await request(t.app).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('without a production model or a database', () => {
  test('predict answers 503 with the reason; bad input is still a 400', async () => {
    const other = await buildTestApp(db, { modelNames: ['nba-unknown'], listen: false });
    try {
      const res = await request(other.app).post('/v1/predict').send({ home: 'BOS', away: 'NYK' }).expect(503);
      expect(expectError(res.body, 'NO_PRODUCTION_MODEL').message).toContain(
        "no production version of model 'nba-unknown'",
      );
      await request(other.app)
        .post('/v1/predict/batch')
        .send({ matchups: [{ home: 'BOS', away: 'NYK' }] })
        .expect(503);
      await request(other.app).post('/v1/predict').send({ home: 'BOS', away: 'BOS' }).expect(400);
      const ready = await request(other.app).get('/ready').expect(503);
      const readiness = ReadyResponse.parse(ready.body);
      expect(readiness).toMatchObject({ status: 'not_ready', model: null, database: { ok: true } });
      expect(readiness.reason).toContain("no production version of model 'nba-unknown' is loaded");
      const prod = await request(other.app).get('/v1/models/production').expect(404);
      expectError(prod.body, 'NOT_FOUND');
    } finally {
      await other.stop();
    }
  });

  test('a database that does not exist is a 503 DATABASE_UNAVAILABLE without stack trace or secrets; /ready says why', async () => {
    const secret = 'pw-s3cret-xyz';
    const url = `postgresql://postgres:${secret}@127.0.0.1:5432/nba_no_such_database_${Date.now()}`;
    const broken = createDbClient(url);
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger({ service: 'api-test', stream, secrets: [url] });
    const app = createApp({
      db: broken,
      registry: new ModelRegistry(broken, { logger }),
      models: new ServedModels([{ name: 'nba-winner', holder: new ModelHolder() }]),
      features: new FeatureStore(broken, logger),
      metrics: new ApiMetrics(broken, logger),
      logger,
    });
    try {
      const res = await request(app).get(`/v1/games?date=${pastDay}`).set('x-request-id', 'trace-503').expect(503);
      expectError(res.body, 'DATABASE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('5');
      // the log has the error with the request id on every line of the request
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.every((l) => l.requestId === 'trace-503')).toBe(true);
      expect(logged.find((l) => l.message === 'database unavailable')?.problem).toContain('does not exist');
      expect(lines.join('')).not.toContain(secret);
      // the body as sent (parsing would drop unknown keys)
      expect(Object.keys((res.body as { error: object }).error).sort()).toEqual(['code', 'message', 'requestId']);
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      const ready = await request(app).get('/ready').expect(503);
      expect((ready.body as { database: unknown }).database).toEqual({ ok: false, error: 'unknown_database' });
      expect(ready.text).not.toContain(secret);
    } finally {
      await broken.$disconnect();
    }
  });
});
