import request from 'supertest';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { ErrorResponse } from '../src/schemas/common';
import { ReadyResponse } from '../src/schemas/health';
import { ModelsResponse, ProductionResponse } from '../src/schemas/models';
import { BatchResponse, Forecast } from '../src/schemas/predict';
import { PredictionsResponse } from '../src/schemas/predictions';
import { disposeModel, insertGames, registerModel, syntheticHistory, syntheticLines, trainOn } from './fixtures';
import { buildTestApp, type TestApp } from './test-app';

// The market-aware model (the default) and the stats-only one served side by side.
const MAIN = 'nba-winner';
const STATS = 'nba-winner-stats';
let db: TestDatabase;
let t: TestApp;
const history = syntheticHistory({ seasons: [2023, 2024] });
const lines = syntheticLines(history);
const settledDay = required(history.at(-40), 'the 40th game from the end').date;
/** A load time (ISO 8601). */
const TIMESTAMP = matching(/^\d{4}-\d\d-\d\dT/);

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_two_models' });
  await insertGames(db.client, history);
  const registry = new ModelRegistry(db.client, { logger: silentLogger() });
  for (const [name, variant] of [
    [MAIN, 'market'],
    [STATS, 'stats'],
  ] as const) {
    const model = trainOn(history, variant, 40, lines);
    await registerModel(registry, model, name, '1.0.0', { promote: true });
    disposeModel(model);
  }
  // each model's holdout figure, as the pipeline records it
  for (const [name, logLoss] of [
    [MAIN, 0.6],
    [STATS, 0.62],
  ] as const) {
    const v = await db.client.modelVersion.findFirstOrThrow({ where: { name } });
    await db.client.modelMetric.create({
      data: { modelVersionId: v.id, dataset: 'holdout-2024', name: 'logLoss', value: logLoss },
    });
  }
  // settled forecasts of both models on the same games, with the market's probability
  const games = await db.client.game.findMany({
    where: { date: new Date(`${settledDay}T00:00:00Z`) },
    orderBy: { id: 'asc' },
  });
  for (const [name, p] of [
    [MAIN, 0.6],
    [STATS, 0.7],
  ] as const) {
    const v = await db.client.modelVersion.findFirstOrThrow({ where: { name } });
    for (const g of games) {
      const won =
        required(g.homeScore, `${g.gameKey}'s home score`) > required(g.awayScore, `${g.gameKey}'s away score`);
      await db.client.prediction.create({
        data: {
          gameId: g.id,
          modelVersionId: v.id,
          homeWinProb: p,
          marketHomeProb: 0.55,
          settledAt: new Date(),
          homeWon: won,
          logLoss: -Math.log(won ? p : 1 - p),
          brier: (p - (won ? 1 : 0)) ** 2,
        },
      });
    }
  }
  t = await buildTestApp(db, { modelNames: [MAIN, STATS], listen: false });
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

test('/ready covers both models', async () => {
  const res = await request(t.app).get('/ready').expect(200);
  expect(ReadyResponse.parse(res.body).models).toEqual([
    { name: MAIN, version: '1.0.0', loadedAt: TIMESTAMP },
    { name: STATS, version: '1.0.0', loadedAt: TIMESTAMP },
  ]);
});

test('on-demand forecasts name the model: the market-aware one by default, the stats-only one on request', async () => {
  const body = { home: 'BOS', away: 'NYK' };
  const main = Forecast.parse((await request(t.app).post('/v1/predict').send(body).expect(200)).body);
  expect(main.model).toEqual({ name: MAIN, version: '1.0.0' });
  const stats = Forecast.parse(
    (
      await request(t.app)
        .post('/v1/predict')
        .send({ ...body, model: STATS })
        .expect(200)
    ).body,
  );
  expect(stats.model).toEqual({ name: STATS, version: '1.0.0' });
  expect(stats.homeWinProbability).not.toBe(main.homeWinProbability);
  const batch = await request(t.app)
    .post('/v1/predict/batch')
    .send({ matchups: [body], model: STATS })
    .expect(200);
  expect(BatchResponse.parse(batch.body).forecasts[0]?.homeWinProbability).toBe(stats.homeWinProbability);
  const unknown = await request(t.app)
    .post('/v1/predict')
    .send({ ...body, model: 'nba-other' })
    .expect(400);
  expect(ErrorResponse.parse(unknown.body).error.details).toEqual([
    { field: 'model', problem: `must be one of ${MAIN}, ${STATS} (the models this API serves), got 'nba-other'` },
  ]);
});

test('stored predictions and the registry routes cover both models', async () => {
  const stored = await request(t.app).get(`/v1/predictions?date=${settledDay}`).expect(200);
  expect(new Set(PredictionsResponse.parse(stored.body).predictions.map((p) => p.model.name))).toEqual(
    new Set([MAIN, STATS]),
  );
  const production = ProductionResponse.parse((await request(t.app).get('/v1/models/production').expect(200)).body);
  expect(production.model.name).toBe(MAIN);
  expect(production.models.map((m) => [m.name, m.model?.version, m.serving?.version])).toEqual([
    [MAIN, '1.0.0', '1.0.0'],
    [STATS, '1.0.0', '1.0.0'],
  ]);
  expect(ModelsResponse.parse((await request(t.app).get(`/v1/models?name=${STATS}`).expect(200)).body).name).toBe(
    STATS,
  );
  const bad = await request(t.app).get('/v1/models?name=nba-other').expect(400);
  expect(ErrorResponse.parse(bad.body).error.details?.[0]?.field).toBe('name');
});

test('/metrics: each model served, and its rolling live record beside the market and its backtest', async () => {
  const text = (await request(t.app).get('/metrics').expect(200)).text;
  // model_info has no kind; the live series have kind="live"
  const value = (metric: string, model: string) =>
    Number(
      new RegExp(`^${metric}\\{model="${model}",version="1.0.0"(?:,kind="live")?\\} (\\S+)$`, 'm').exec(text)?.[1],
    );
  expect(value('model_info', MAIN)).toBe(1);
  expect(value('model_info', STATS)).toBe(1);
  const games = await db.client.prediction.count({ where: { modelVersion: { name: MAIN } } });
  const finals = await db.client.prediction.findMany({
    where: { modelVersion: { name: MAIN } },
    select: { homeWon: true },
  });
  const homeWins = finals.filter((p) => p.homeWon).length;
  const meanLogLoss = (p: number) => -(homeWins * Math.log(p) + (games - homeWins) * Math.log(1 - p)) / games;
  expect(value('model_rolling_games', MAIN)).toBe(games);
  expect(value('model_rolling_log_loss', MAIN)).toBeCloseTo(meanLogLoss(0.6), 10);
  expect(value('model_rolling_log_loss', STATS)).toBeCloseTo(meanLogLoss(0.7), 10);
  expect(value('market_rolling_log_loss', MAIN)).toBeCloseTo(meanLogLoss(0.55), 10);
  expect(value('market_rolling_log_loss', STATS)).toBeCloseTo(meanLogLoss(0.55), 10);
  expect(value('model_backtest_log_loss', MAIN)).toBeCloseTo(0.6, 10);
  expect(value('model_backtest_log_loss', STATS)).toBeCloseTo(0.62, 10);
});

test('without a production version of one model, /ready says which', async () => {
  const other = await buildTestApp(db, { modelNames: [MAIN, 'nba-missing'], listen: false });
  try {
    const ready = ReadyResponse.parse((await request(other.app).get('/ready').expect(503)).body);
    expect(ready.reason).toContain("no production version of model 'nba-missing' is loaded");
    expect(ready.models).toEqual([
      { name: MAIN, version: '1.0.0', loadedAt: TIMESTAMP },
      { name: 'nba-missing', version: null, loadedAt: null },
    ]);
  } finally {
    await other.stop();
  }
});
