// The predict task's last-step check: a real market-aware model, registered and promoted, forecasts
// a day whose one game carries an absurd closing line written straight into odds_snapshots (a path
// around ingestion's checks). That forecast is not stored; every other game's is.
import { demoLeague, predictDate } from '../src';
import { loadFeatureInputs } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { DEFAULT_PARAMS, historyDataset, toRegistration, trainModel, type ModelParams } from '@nba/modeling';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { required } from '@nba/errors';
import { storeLeague } from './league-database';

const DATE = '2026-01-15';
const logger = silentLogger();
const league = demoLeague(DATE).games;
const today = league.filter((g) => g.date === DATE);
const absurdKey = required(today[0], `a game on ${DATE}`).gameKey;
let db: TestDatabase;
let registry: ModelRegistry;

function quick(): ModelParams {
  const short = (s: ModelParams['win']) => ({ ...s, numRounds: 40, earlyStoppingRounds: 10 });
  return {
    ...DEFAULT_PARAMS,
    win: short(DEFAULT_PARAMS.win),
    margin: short(DEFAULT_PARAMS.margin),
    total: short(DEFAULT_PARAMS.total),
  };
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'pipeline_withheld' });
  registry = new ModelRegistry(db.client, { logger });
  await storeLeague(db.client, league, (g) =>
    g.gameKey === absurdKey ? { homeMl: 100_000, awayMl: -100_000, spreadHome: 1_000_000, total: 225.5 } : g.line,
  );
  // trained on the finished games only, as the pipeline's train task does
  const history = await loadFeatureInputs(db.client);
  const finished = history.games.filter((g) => g.date < DATE);
  const model = trainModel(historyDataset(finished, history.lines), 'market', { params: quick() });
  await registry.registerVersion({
    name: 'nba-winner',
    version: '1.0.0',
    ...toRegistration(model),
    createdBy: 'pipeline-test',
  });
  await registry.promoteVersion('nba-winner', '1.0.0', { actor: 'pipeline-test', reason: 'test' });
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

it('withholds the forecast of the absurd line with its reason and stores the others, twice alike', async () => {
  expect(today.length).toBeGreaterThan(1);
  for (let run = 0; run < 2; run++) {
    const history = await loadFeatureInputs(db.client);
    const production = await registry.getProductionVersion('nba-winner');
    const result = await predictDate({ db: db.client, registry, logger }, history, {
      production: required(production, 'the production version'),
      date: DATE,
      isDemo: true,
    });
    expect(result.withheld).toEqual([
      {
        game: absurdKey,
        reason: 'probability_out_of_range',
        message: matching(/^home win probability .* is outside 0\.005\.\.0\.995$/),
      },
    ]);
    expect(result.stored).toBe(today.length - 1);
  }
  const stored = await db.client.prediction.findMany({
    where: { game: { date: new Date(`${DATE}T00:00:00Z`) } },
    include: { game: true },
  });
  expect(stored.map((p) => p.game.gameKey).sort()).toEqual(
    today
      .map((g) => g.gameKey)
      .filter((k) => k !== absurdKey)
      .sort(),
  );
  for (const p of stored) {
    expect(p.homeWinProb).toBeGreaterThan(0.005);
    expect(p.homeWinProb).toBeLessThan(0.995);
    expect(Math.abs(required(p.expectedMargin, 'the expected margin'))).toBeLessThan(60);
  }
});
