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

const DATE = '2026-01-15';
const logger = silentLogger();
const league = demoLeague(DATE).games;
const today = league.filter((g) => g.date === DATE);
const absurdKey = required(today[0], `a game on ${DATE}`).gameKey;
let db: TestDatabase;
let registry: ModelRegistry;

function quick(): ModelParams {
  const short = (s: ModelParams['win']) => ({ ...s, numRounds: 40, earlyStoppingRounds: 10 });
  return { ...DEFAULT_PARAMS, win: short(DEFAULT_PARAMS.win), margin: short(DEFAULT_PARAMS.margin), total: short(DEFAULT_PARAMS.total) };
}

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'pipeline_withheld' });
  registry = new ModelRegistry(db.client, { logger });
  const ids = new Map<string, number>();
  for (let i = 0; i < league.length; i += 1000) {
    const rows = await db.client.game.createManyAndReturn({
      data: league.slice(i, i + 1000).map((g) => ({
        gameKey: g.gameKey,
        season: g.season,
        date: new Date(`${g.date}T00:00:00Z`),
        tipoff: g.tipoff,
        homeCode: g.homeCode,
        awayCode: g.awayCode,
        status: g.status,
        homeScore: g.homeScore,
        awayScore: g.awayScore,
        gameType: g.gameType,
        source: 'test',
        isDemo: true,
      })),
      select: { id: true, gameKey: true },
    });
    for (const r of rows) ids.set(r.gameKey, r.id);
  }
  const snapshots = league.flatMap((g) => {
    const l = g.gameKey === absurdKey ? { homeMl: 100_000, awayMl: -100_000, spreadHome: 1_000_000, total: 225.5 } : g.line;
    if (!l || l.homeMl === null || l.awayMl === null || l.spreadHome === null || l.total === null) return [];
    const common = {
      gameId: required(ids.get(g.gameKey), `the id of ${g.gameKey}`),
      bookmaker: 'book',
      capturedAt: new Date(g.tipoff.getTime() - 3_600_000),
      source: 'test',
      isDemo: true,
    };
    return [
      { ...common, market: 'h2h' as const, homePrice: l.homeMl, awayPrice: l.awayMl },
      { ...common, market: 'spreads' as const, homePoint: l.spreadHome, homePrice: -110, awayPrice: -110 },
      { ...common, market: 'totals' as const, totalPoint: l.total, overPrice: -110, underPrice: -110 },
    ];
  });
  await db.client.oddsSnapshot.createMany({ data: snapshots });
  // trained on the finished games only, as the pipeline's train task does
  const history = await loadFeatureInputs(db.client);
  const finished = history.games.filter((g) => g.date < DATE);
  const model = trainModel(historyDataset(finished, history.lines), 'market', { params: quick() });
  await registry.registerVersion({ name: 'nba-winner', version: '1.0.0', ...toRegistration(model), createdBy: 'pipeline-test' });
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
      { game: absurdKey, reason: 'probability_out_of_range', message: matching(/^home win probability .* is outside 0\.005\.\.0\.995$/) },
    ]);
    expect(result.stored).toBe(today.length - 1);
  }
  const stored = await db.client.prediction.findMany({ where: { game: { date: new Date(`${DATE}T00:00:00Z`) } }, include: { game: true } });
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
