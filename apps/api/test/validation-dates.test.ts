// Every date the API takes in is checked against the range @nba/config supports, before any
// database query or forecast: outside it, a 400 naming the field (not a 500 from PostgreSQL, not
// a forecast for season 10000).
import request from 'supertest';
import { SUPPORTED_DATES } from '@nba/config';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { openApiDocument } from '../src/openapi';
import { ErrorResponse } from '../src/schemas/common';
import { Forecast } from '../src/schemas/predict';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';
import { buildTestApp, type TestApp } from './test-app';

let db: TestDatabase;
let t: TestApp;
const history = syntheticHistory({ seasons: [2023, 2024], days: 90, seed: 11 });

const OUT_OF_RANGE = ['0000-01-01', '1999-12-31', '2007-07-31', '2030-08-01', '9999-12-31'];
const PROBLEM = 'must be a date from 2007-08-01 to 2030-07-31 (seasons 2007-08 to 2029-30)';

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_validation_dates' });
  await insertGames(db.client, history);
  const model = trainOn(history, 'stats', 20);
  await registerModel(new ModelRegistry(db.client, { logger: silentLogger() }), model, 'nba-winner', '1.0.0', {
    promote: true,
  });
  disposeModel(model);
  t = await buildTestApp(db);
});

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

function expectDateProblem(body: unknown, field: string): void {
  const { error } = ErrorResponse.parse(body);
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details).toEqual([{ field, problem: PROBLEM }]);
  expect(error.message).toBe(`invalid request: ${field}: ${PROBLEM}`);
}

test('the problem text is the range @nba/config defines', () => {
  expect(PROBLEM).toBe(`must be a date ${SUPPORTED_DATES.range}`);
});

describe.each(['/v1/games', '/v1/predictions'])('GET %s?date=', (path) => {
  test.each(OUT_OF_RANGE)('%s is a 400 naming date', async (date) => {
    const res = await request(t.app).get(`${path}?date=${date}`).expect(400);
    expectDateProblem(res.body, 'date');
  });

  test('both bounds are accepted', async () => {
    await request(t.app).get(`${path}?date=${SUPPORTED_DATES.from}`).expect(200);
    await request(t.app).get(`${path}?date=${SUPPORTED_DATES.to}`).expect(200);
  });

  test('a malformed date gets one problem, about its form', async () => {
    const res = await request(t.app).get(`${path}?date=0000-13-01`).expect(400);
    expect(ErrorResponse.parse(res.body).error.details).toEqual([
      { field: 'date', problem: 'must be a calendar date as YYYY-MM-DD' },
    ]);
  });
});

describe('POST /v1/predict', () => {
  test.each(OUT_OF_RANGE)('date %s is a 400 naming date', async (date) => {
    const res = await request(t.app).post('/v1/predict').send({ home: 'BOS', away: 'NYK', date }).expect(400);
    expectDateProblem(res.body, 'date');
  });

  test('the last supported date is forecast in its season', async () => {
    const res = await request(t.app)
      .post('/v1/predict')
      .send({ home: 'BOS', away: 'NYK', date: SUPPORTED_DATES.to })
      .expect(200);
    expect(Forecast.parse(res.body)).toMatchObject({ date: SUPPORTED_DATES.to, season: SUPPORTED_DATES.lastSeason });
  });
});

describe('POST /v1/predict/batch', () => {
  test('an out-of-range matchup date is a 400 naming matchups.N.date', async () => {
    const matchups = [
      { home: 'BOS', away: 'NYK', date: '2030-01-01' },
      { home: 'LAL', away: 'GSW', date: '9999-12-31' },
    ];
    const res = await request(t.app).post('/v1/predict/batch').send({ matchups }).expect(400);
    expectDateProblem(res.body, 'matchups.1.date');
  });
});

test('the OpenAPI document states the range', () => {
  const schemas = (openApiDocument().components as { schemas: Record<string, { description?: string }> }).schemas;
  expect(schemas.IsoDate?.description).toContain(SUPPORTED_DATES.range);
});
