import request from 'supertest';
import { seasonOfDate } from '@nba/config';
import { required } from '@nba/errors';
import { marketForecast, ServingModel, type TrainedModel } from '@nba/modeling';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { Forecast } from '../src/schemas/predict';
import { disposeModel, insertGames, registerModel, syntheticHistory, syntheticLines, trainOn } from './fixtures';
import { buildTestApp, type TestApp } from './test-app';

let db: TestDatabase;
let registry: ModelRegistry;
let stats: TrainedModel;
let market: TrainedModel;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 9 });
const lines = syntheticLines(history);
const lastDay = required(history.at(-1), 'the last game').date;
const next = new Date(`${lastDay}T00:00:00Z`);
next.setUTCDate(next.getUTCDate() + 1);
const upcomingDate = next.toISOString().slice(0, 10);
const upcomingLine = { homeMl: -180, awayMl: 155, spreadHome: -4.5, total: 219.5 };

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_serving' });
  await insertGames(db.client, history);
  const game = await db.client.game.create({
    data: {
      gameKey: `${upcomingDate.replaceAll('-', '')}_LAL_DEN`,
      season: seasonOfDate(upcomingDate),
      date: next,
      homeCode: 'DEN',
      awayCode: 'LAL',
      source: 'test',
    },
  });
  const capturedAt = new Date(`${upcomingDate}T15:00:00Z`);
  await db.client.oddsSnapshot.createMany({
    data: [
      // an older snapshot that must lose to the later one
      {
        gameId: game.id,
        bookmaker: 'a',
        market: 'h2h',
        capturedAt: new Date(`${upcomingDate}T09:00:00Z`),
        homePrice: -120,
        awayPrice: 100,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'b',
        market: 'h2h',
        capturedAt,
        homePrice: upcomingLine.homeMl,
        awayPrice: upcomingLine.awayMl,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'b',
        market: 'spreads',
        capturedAt,
        homePoint: upcomingLine.spreadHome,
        source: 'test',
      },
      { gameId: game.id, bookmaker: 'b', market: 'totals', capturedAt, totalPoint: upcomingLine.total, source: 'test' },
    ],
  });
  registry = new ModelRegistry(db.client, { logger: silentLogger() });
  stats = trainOn(history, 'stats', 60);
  market = trainOn(history, 'market', 60, lines);
  // the stats variant blends in the margin booster (DEFAULT_PARAMS.marginBlend): both paths are covered
  expect(stats.marginToWin?.weight ?? 0).toBeGreaterThan(0);
  await registerModel(registry, stats, 'nba-stats', '1.0.0', { promote: true });
  await registerModel(registry, market, 'nba-market', '1.0.0', { promote: true });
});

afterAll(async () => {
  if (stats) disposeModel(stats);
  if (market) disposeModel(market);
  await db?.drop();
});

describe('served forecasts equal @nba/modeling on the same state', () => {
  const cases: [string, () => TrainedModel][] = [
    ['nba-stats', () => stats],
    ['nba-market', () => market],
  ];
  test.each(cases)('%s', async (name, model) => {
    const t: TestApp = await buildTestApp(db, { modelNames: [name], listen: false });
    try {
      const { state, asOf } = required(t.features.current, 'the feature state');
      expect(asOf).toBe(lastDay);
      const matchups = [
        { home: 'DEN', away: 'LAL', date: upcomingDate, neutral: false, line: upcomingLine },
        { home: 'BOS', away: 'MIA', date: upcomingDate, neutral: false, line: undefined },
        { home: 'GSW', away: 'PHX', date: upcomingDate, neutral: true, line: undefined },
      ];
      for (const m of matchups) {
        const res = await request(t.app)
          .post('/v1/predict')
          .send({ home: m.home, away: m.away, date: m.date, neutral: m.neutral, explain: 50 })
          .expect(200);
        const f = Forecast.parse(res.body);
        // the same model's many-rows path (a DMatrix) against the API's single-row path
        const features = state.featuresFor(
          {
            season: seasonOfDate(m.date),
            date: m.date,
            home: m.home,
            away: m.away,
            gameType: 'regular',
            neutral: m.neutral,
          },
          m.line,
        );
        const p = ServingModel.fromTrained(model()).predictRows([{ values: features }]);
        const ref = {
          homeWinProbability: required(p.homeWin[0], 'the home-win probability'),
          expectedMargin: required(p.margin[0], 'the margin'),
          expectedTotal: required(p.total[0], 'the total'),
          marketProbability: marketForecast(features),
        };
        expect(f.homeWinProbability).toBeCloseTo(ref.homeWinProbability, 5);
        expect(f.expectedMargin).toBeCloseTo(ref.expectedMargin, 3);
        expect(f.expectedTotal).toBeCloseTo(ref.expectedTotal, 3);
        expect(f.market === null).toBe(m.line === undefined);
        if (m.line) expect(f.market?.homeProbability).toBeCloseTo(ref.marketProbability, 9);
        // SHAP: baseline plus every contribution is the forecast's log-odds
        const all = required(f.explanation, 'the explanation');
        const z = all.baseline + all.contributions.reduce((s, c) => s + c.contribution, 0);
        const rest = await request(t.app)
          .post('/v1/predict/batch')
          .send({ matchups: [{ home: m.home, away: m.away, date: m.date, neutral: m.neutral }], explain: 50 })
          .expect(200);
        expect((rest.body as { forecasts: unknown[] }).forecasts[0]).toEqual(res.body);
        expect(all.contributions).toHaveLength(model().spec.features.length);
        const home = required(f.homeWinProbability, 'the home-win probability');
        expect(z).toBeCloseTo(Math.log(home / (1 - home)), 4);
      }
    } finally {
      await t.stop();
    }
  });
});
