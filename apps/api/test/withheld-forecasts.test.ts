// The last-step check, end to end: a real market-aware model served from a real registry, fed an
// absurd line written straight into odds_snapshots (as a path around ingestion's checks would), and
// an absurd forecast written straight into predictions. Neither may reach a reader as a number.
import request from 'supertest';
import { required } from '@nba/errors';
import { silentLogger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { BatchResponse, Forecast } from '../src/schemas/predict';
import { PredictionsResponse } from '../src/schemas/predictions';
import { disposeModel, insertGames, registerModel, syntheticHistory, syntheticLines, trainOn } from './fixtures';
import { buildTestApp, type TestApp } from './test-app';

let db: TestDatabase;
let t: TestApp;
const history = syntheticHistory({ seasons: [2023, 2024] });
const lines = syntheticLines(history);
const lastDay = required(history.at(-1), 'the last game').date;
let day = '';

/** An upcoming game on `day` with one snapshot per market. */
async function gameWithLine(
  home: string,
  away: string,
  line: { spread: number; homeMl: number; awayMl: number; total: number },
): Promise<number> {
  const game = await db.client.game.create({
    data: {
      gameKey: `${day.replaceAll('-', '')}_${away}_${home}`,
      season: 2024,
      date: new Date(`${day}T00:00:00Z`),
      tipoff: new Date(`${day}T23:30:00Z`),
      homeCode: home,
      awayCode: away,
      source: 'test',
    },
  });
  const capturedAt = new Date(`${day}T12:00:00Z`);
  await db.client.oddsSnapshot.createMany({
    data: [
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'h2h',
        capturedAt,
        homePrice: line.homeMl,
        awayPrice: line.awayMl,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'spreads',
        capturedAt,
        homePoint: line.spread,
        homePrice: -110,
        awayPrice: -110,
        source: 'test',
      },
      {
        gameId: game.id,
        bookmaker: 'book',
        market: 'totals',
        capturedAt,
        totalPoint: line.total,
        overPrice: -110,
        underPrice: -110,
        source: 'test',
      },
    ],
  });
  return game.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_withheld' });
  await insertGames(db.client, history);
  const d = new Date(`${lastDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 2);
  day = d.toISOString().slice(0, 10);
  // the case: a spread of 1,000,000 and moneylines of +100000 / -100000
  const absurd = await gameWithLine('SAS', 'DET', {
    spread: 1_000_000,
    homeMl: 100_000,
    awayMl: -100_000,
    total: 225.5,
  });
  const sound = await gameWithLine('BOS', 'NYK', { spread: -3.5, homeMl: -150, awayMl: 130, total: 225.5 });
  const model = trainOn(history, 'market', 40, lines);
  const registry = new ModelRegistry(db.client, { logger: silentLogger() });
  await registerModel(registry, model, 'nba-winner', '1.0.0', { promote: true });
  disposeModel(model);
  const version = await db.client.modelVersion.findFirstOrThrow({ where: { name: 'nba-winner' } });
  // what the pipeline stored for that line before the check existed, and a sound forecast beside it
  await db.client.prediction.create({
    data: {
      gameId: absurd,
      modelVersionId: version.id,
      homeWinProb: 0.000001,
      expectedMargin: -1_000_001.1,
      expectedTotal: 225.1,
      marketHomeProb: 0.00001,
    },
  });
  await db.client.prediction.create({
    data: {
      gameId: sound,
      modelVersionId: version.id,
      homeWinProb: 0.6123,
      expectedMargin: 3.4,
      expectedTotal: 224.2,
      marketHomeProb: 0.58,
      marketSpread: -3.5,
    },
  });
  t = await buildTestApp(db, { listen: false });
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

async function withheldCount(): Promise<number> {
  const text = (await request(t.app).get('/metrics').expect(200)).text;
  const m = /^forecasts_withheld_total\{reason="probability_out_of_range"\} (\d+)$/m.exec(text);
  return m ? Number(m[1]) : 0;
}

test('POST /v1/predict withholds the forecast of the absurd line, with the reason, and serves the sound one', async () => {
  const res = await request(t.app).post('/v1/predict').send({ home: 'SAS', away: 'DET', date: day }).expect(200);
  const f = Forecast.parse(res.body);
  expect(f.withheld).toEqual({
    reason: 'probability_out_of_range',
    message: matching(/^home win probability .* is outside 0\.005\.\.0\.995$/),
  });
  expect(f).toMatchObject({
    homeWinProbability: null,
    awayWinProbability: null,
    expectedMargin: null,
    expectedTotal: null,
    market: null,
  });
  const ok = Forecast.parse(
    (await request(t.app).post('/v1/predict').send({ home: 'BOS', away: 'NYK', date: day }).expect(200)).body,
  );
  expect(ok.withheld).toBeUndefined();
  expect(ok.homeWinProbability).toBeGreaterThan(0.005);
  expect(Math.abs(required(ok.expectedMargin, 'the margin'))).toBeLessThan(60);
  // the batch withholds the one matchup, not the request
  const batch = BatchResponse.parse(
    (
      await request(t.app)
        .post('/v1/predict/batch')
        .send({
          matchups: [
            { home: 'BOS', away: 'NYK', date: day },
            { home: 'SAS', away: 'DET', date: day },
          ],
        })
        .expect(200)
    ).body,
  );
  expect(batch.forecasts.map((x) => x.withheld?.reason ?? 'shown')).toEqual(['shown', 'probability_out_of_range']);
});

test('GET /v1/predictions withholds the stored absurd forecast and keeps the sound one', async () => {
  const body = PredictionsResponse.parse((await request(t.app).get(`/v1/predictions?date=${day}`).expect(200)).body);
  const byGame = new Map(body.predictions.map((p) => [p.gameKey.slice(-7), p]));
  expect(byGame.get('DET_SAS')).toMatchObject({
    homeWinProbability: null,
    expectedMargin: null,
    expectedTotal: null,
    market: null,
    withheld: { reason: 'probability_out_of_range', message: 'home win probability 0.000001 is outside 0.005..0.995' },
  });
  expect(byGame.get('NYK_BOS')).toMatchObject({ homeWinProbability: 0.6123, expectedMargin: 3.4 });
  expect(required(byGame.get('NYK_BOS'), 'the NYK_BOS forecast').withheld).toBeUndefined();
});

test('the day page says "withheld" and why, never 0.0% or a million points', async () => {
  const page = (await request(t.app).get(`/?date=${day}`).expect(200)).text;
  const card = page.slice(page.indexOf('data-game-key="' + `${day.replaceAll('-', '')}_DET_SAS`));
  const sas = card.slice(0, card.indexOf('</article>'));
  expect(sas).toContain('data-withheld-reason="probability_out_of_range"');
  expect(sas).toContain('>withheld<');
  expect(sas).not.toMatch(/0\.0%|1000001|1,000,001/);
  expect(page).toContain('61.2%');
});

test('forecasts_withheld_total counts each withheld forecast once (two: the on-demand one and the stored one)', async () => {
  expect(await withheldCount()).toBe(2);
  await request(t.app).post('/v1/predict').send({ home: 'SAS', away: 'DET', date: day }).expect(200);
  await request(t.app).get(`/v1/predictions?date=${day}`).expect(200);
  expect(await withheldCount()).toBe(2);
});
