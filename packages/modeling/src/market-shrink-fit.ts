import { marketForecast } from './baselines';
import type { Dataset } from './dataset';
import { forecastRows, type ForecastParts } from './forecast';
import { chooseShrink } from './market-shrink-rule';
import { logit, MARKET_CENTER_GAMES, meanMarketCorrection, type MarketShrink } from './market-shrink';

/**
 * The pull toward the market of a freshly trained model (its `marketShrink` not set yet): the
 * center is the booster's mean correction over the last {@link MARKET_CENTER_GAMES} training games
 * with a line (features only: a shift of the home-court level, which the market prices; 2022:
 * +0.074 learned in 2021, cost 0.0025 of log loss), and lambda the robust weight of what is left,
 * judged on the validation slice (`chooseShrink`), never above `maxLambda`.
 */
export function marketShrinkFor(
  model: ForecastParts,
  ds: Dataset,
  validation: Dataset,
  maxLambda: number,
): MarketShrink {
  const recent = ds.rows.filter((r) => Number.isFinite(marketForecast(r.values))).slice(-MARKET_CENTER_GAMES);
  const center = meanMarketCorrection(forecastRows(model, recent).homeWin, recent);
  const p = forecastRows(model, validation.rows).homeWin;
  const marketLogit: number[] = [];
  const correction: number[] = [];
  const homeWin: number[] = [];
  validation.rows.forEach((r, i) => {
    const m = marketForecast(r.values);
    if (!Number.isFinite(m)) return;
    marketLogit.push(logit(m));
    correction.push(logit(p[i] as number) - logit(m) - center);
    homeWin.push(validation.homeWin[i] as number);
  });
  const choice = chooseShrink({ marketLogit, correction, homeWin }, maxLambda);
  return { lambda: choice.lambda, center, games: recent.length, choice };
}
