import type { DbClient } from '@nba/db';
import { buildFeatures, type FeatureRow } from '@nba/features';
import type { FeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { checkForecast, marketForecast, ServingModel, type WithheldReason } from '@nba/modeling';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import { storeForecast, type ForecastValues } from '../record/store-forecast';

/** What the predict task reports. */
export interface PredictResult {
  model: string;
  version: string;
  date: string;
  games: number;
  stored: number;
  withMarket: number;
  /** Forecasts not stored because a published number failed `checkForecast`, by game key with the reason. */
  withheld: { game: string; reason: WithheldReason; message: string }[];
}

/**
 * Forecasts every game of `date` with the production version given (looked up once by the caller)
 * from pre-game features, and stores the forecasts: see {@link forecastGames}.
 */
export async function predictDate(
  deps: { db: DbClient; registry: ModelRegistry; logger: Logger },
  history: FeatureInputs,
  options: { production: ModelVersionInfo; date: string; isDemo: boolean },
): Promise<PredictResult> {
  const rows = buildFeatures(history.games, history.lines).rows.filter((r) => r.game.date === options.date);
  const result = await forecastGames(deps, history, rows, { version: options.production, isDemo: options.isDemo });
  deps.logger.info('predictions stored', { ...result, date: options.date });
  return { ...result, date: options.date };
}

/**
 * The serving path of every stored forecast, live or hindcast: the version's registered artifacts
 * loaded as a `ServingModel`, each game of `rows` (pre-game feature rows) forecast and stored with
 * the market's de-vigged probability and the edge over it. Predictions already settled are left as
 * they are. A forecast whose probability, margin, total or market probability fails
 * `checkForecast` is not stored (an earlier stored forecast of the game stays) and is listed in
 * `withheld`, logged once per game.
 */
export async function forecastGames(
  deps: { db: DbClient; registry: ModelRegistry; logger: Logger },
  history: FeatureInputs,
  rows: readonly FeatureRow[],
  options: { version: ModelVersionInfo; isDemo: boolean },
): Promise<Omit<PredictResult, 'date'>> {
  const { version } = options;
  const result: Omit<PredictResult, 'date'> = {
    model: version.name,
    version: version.version,
    games: rows.length,
    stored: 0,
    withMarket: 0,
    withheld: [],
  };
  if (rows.length === 0) return result;
  const model = ServingModel.fromRegistration(
    version,
    await deps.registry.loadArtifacts(version.name, version.version),
  );
  try {
    const p = model.predictRows(rows);
    for (const [i, r] of rows.entries()) {
      const gameId = history.ids.get(r.game.id);
      if (gameId === undefined) continue;
      const line = history.lines.get(r.game.id);
      const market = marketForecast(r.values);
      const homeWinProb = p.homeWin[i] as number;
      const values: ForecastValues = {
        homeWinProb,
        expectedMargin: p.margin[i] as number,
        expectedTotal: p.total[i] as number,
        marketHomeProb: Number.isFinite(market) ? market : null,
        edge: Number.isFinite(market) ? homeWinProb - market : null,
        marketSpread: line?.spreadHome ?? null,
        marketTotal: line?.total ?? null,
        isDemo: options.isDemo,
        predictedAt: new Date(),
      };
      const check = checkForecast({
        homeWinProbability: homeWinProb,
        expectedMargin: values.expectedMargin,
        expectedTotal: values.expectedTotal,
        marketProbability: values.marketHomeProb,
      });
      if (!check.ok) {
        result.withheld.push({ game: r.game.id, reason: check.reason, message: check.message });
        deps.logger.warn('forecast withheld', {
          model: version.name,
          version: version.version,
          game: r.game.id,
          reason: check.reason,
          detail: check.message,
        });
        continue;
      }
      if (!(await storeForecast(deps.db, gameId, version, values))) continue;
      result.stored += 1;
      if (values.marketHomeProb !== null) result.withMarket += 1;
    }
  } finally {
    model.dispose();
  }
  return result;
}
