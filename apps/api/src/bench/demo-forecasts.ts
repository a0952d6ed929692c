// Dev only (benchmarks and the page tests): a database as the demo leaves it after a stretch of
// daily runs: the generated league (@nba/demo) as of a day, real XGBoost models trained on it with
// @nba/modeling and registered and promoted with the real registry (the market-aware
// `nba-winner` and the stats-only `nba-winner-stats`), and their stored forecasts for a run of
// days, settled the way the pipeline settles them.
import type { DbClient } from '@nba/db';
import { closingLineOf, gameRecordOf, generateLeague, leagueAsOf, type LeagueGame } from '@nba/demo';
import { buildFeatures, type Variant } from '@nba/features';
import { type ClosingLine } from '@nba/games';
import { settleForecasts } from '@nba/lifecycle';
import { silentLogger } from '@nba/logging';
import {
  assembleDataset,
  DEFAULT_PARAMS,
  marketForecast,
  ServingModel,
  toRegistration,
  trainModel,
  type ModelParams,
} from '@nba/modeling';
import { ModelRegistry } from '@nba/registry';

/** The two registered models of issue 15: the market-aware default and the stats-only view. */
export const DEMO_MODELS: readonly { name: string; variant: Variant }[] = [
  { name: 'nba-winner', variant: 'market' },
  { name: 'nba-winner-stats', variant: 'stats' },
];

/** What {@link seedDemoForecasts} wrote. */
export interface DemoForecasts {
  /** Every game written (both seasons). */
  games: LeagueGame[];
  /** Days with stored forecasts, in order; those before `today` are settled. */
  forecastDays: string[];
  predictions: number;
}

function fewRounds(rounds: number): ModelParams {
  const short = (s: ModelParams['win']) => ({ ...s, numRounds: rounds, earlyStoppingRounds: 10 });
  return {
    ...DEFAULT_PARAMS,
    win: short(DEFAULT_PARAMS.win),
    margin: short(DEFAULT_PARAMS.margin),
    total: short(DEFAULT_PARAMS.total),
  };
}

/**
 * Writes the generated league of `season` and the season before as of the morning of `today`
 * (earlier games final, the rest scheduled), trains each of `models` on the games before
 * `forecastFrom` (`rounds` boosting rounds: real models, quick to train), registers them as 1.0.0
 * and promotes them, stores their forecasts of every game from `forecastFrom` to `forecastTo`
 * (default: `today`) with the market's probability and line, and settles those already played.
 */
export async function seedDemoForecasts(
  db: DbClient,
  options: {
    season: number;
    today: string;
    forecastFrom: string;
    forecastTo?: string;
    models?: readonly { name: string; variant: Variant }[];
    rounds?: number;
  },
): Promise<DemoForecasts> {
  const forecastTo = options.forecastTo ?? options.today;
  const games = [options.season - 1, options.season].flatMap((season) =>
    leagueAsOf(generateLeague({ season, seed: 15_000 + season }), options.today),
  );
  for (let i = 0; i < games.length; i += 2000) {
    await db.game.createMany({
      data: games.slice(i, i + 2000).map((g) => ({
        gameKey: g.gameKey,
        apiBasketballId: g.apiBasketballId,
        oddsApiId: g.oddsApiId,
        season: g.season,
        date: new Date(`${g.date}T00:00:00Z`),
        tipoff: g.tipoff,
        homeCode: g.homeCode,
        awayCode: g.awayCode,
        status: g.status,
        homeScore: g.homeScore,
        awayScore: g.awayScore,
        gameType: g.gameType,
        neutralSite: false,
        source: 'demo',
        isDemo: true,
      })),
    });
  }
  const ids = new Map((await db.game.findMany({ select: { id: true, gameKey: true } })).map((g) => [g.gameKey, g.id]));
  const byKey = new Map(games.map((g) => [g.gameKey, g]));
  const lines = new Map<string, ClosingLine>();
  for (const g of games) {
    const line = closingLineOf(g);
    if (line) lines.set(g.gameKey, line);
  }
  const { rows } = buildFeatures(games.map(gameRecordOf), lines);
  const training = assembleDataset(rows.filter((r) => r.game.date < options.forecastFrom));
  const forecastRows = rows.filter((r) => r.game.date >= options.forecastFrom && r.game.date <= forecastTo);
  const registry = new ModelRegistry(db, { logger: silentLogger() });
  let predictions = 0;
  for (const { name, variant } of options.models ?? DEMO_MODELS) {
    const trained = trainModel(training, variant, { params: fewRounds(options.rounds ?? 40) });
    const serving = ServingModel.fromTrained(trained);
    try {
      await registry.registerVersion({
        name,
        version: '1.0.0',
        ...toRegistration(trained),
        createdBy: 'demo-seed',
        notes: `demo: ${variant} variant`,
      });
      await registry.promoteVersion(name, '1.0.0', { actor: 'demo-seed', reason: 'first version' });
      const { id: modelVersionId } = await db.modelVersion.findUniqueOrThrow({
        where: { name_version: { name, version: '1.0.0' } },
        select: { id: true },
      });
      const p = serving.predictRows(forecastRows);
      const data = forecastRows.map((r, i) => {
        const game = byKey.get(r.game.id) as LeagueGame;
        const market = marketForecast(r.values);
        const homeWinProb = p.homeWin[i] as number;
        return {
          gameId: ids.get(r.game.id) as number,
          modelVersionId,
          homeWinProb,
          expectedMargin: p.margin[i] as number,
          expectedTotal: p.total[i] as number,
          marketHomeProb: Number.isFinite(market) ? market : null,
          edge: Number.isFinite(market) ? homeWinProb - market : null,
          marketSpread: game.line?.spreadHome ?? null,
          marketTotal: game.line?.total ?? null,
          isDemo: true,
          // the morning of the game, as the daily run stores them
          predictedAt: new Date(`${r.game.date}T15:00:00Z`),
        };
      });
      for (let i = 0; i < data.length; i += 2000) await db.prediction.createMany({ data: data.slice(i, i + 2000) });
      predictions += data.length;
    } finally {
      serving.dispose();
    }
  }
  // the pipeline's settle step: outcome, log loss and Brier of every forecast whose game is final
  await settleForecasts(db);
  const forecastDays = [...new Set(forecastRows.map((r) => r.game.date))].sort();
  return { games, forecastDays, predictions };
}
