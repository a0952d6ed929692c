import { storedForecastsOnDate, type DbClient, type StoredForecastRow } from '@nba/db';
import { checkForecast, type ForecastCheck } from '@nba/modeling';
import type { StoredPredictionOutput } from './schemas/predictions';

function view(p: StoredForecastRow): StoredPredictionOutput {
  const hasMarket = p.marketHomeProb !== null || p.marketSpread !== null || p.marketTotal !== null;
  return {
    gameId: p.gameId,
    gameKey: p.gameKey,
    date: p.date,
    tipoff: p.tipoff?.toISOString() ?? null,
    home: p.home,
    away: p.away,
    status: p.status,
    homeScore: p.homeScore,
    awayScore: p.awayScore,
    homeWinProbability: p.homeWinProb,
    expectedMargin: p.expectedMargin,
    expectedTotal: p.expectedTotal,
    market: hasMarket
      ? { homeProbability: p.marketHomeProb, spread: p.marketSpread, total: p.marketTotal, edge: p.edge }
      : null,
    model: { name: p.name, version: p.version, kind: p.kind },
    predictedAt: p.predictedAt.toISOString(),
    settlement: p.settledAt
      ? { settledAt: p.settledAt.toISOString(), homeWon: p.homeWon, logLoss: p.logLoss, brier: p.brier }
      : null,
    isDemo: p.isDemo,
  };
}

/** Hears of a stored forecast withheld by the last-step check (`key` identifies the stored row). */
export type OnWithheldStored = (
  key: string,
  p: StoredPredictionOutput,
  check: Extract<ForecastCheck, { ok: false }>,
) => void;

/**
 * A stored forecast as published: rows stored before the last-step check existed (or written around
 * it) are checked again, and one that fails is withheld (numbers and market null, `withheld` says why).
 */
function published(p: StoredForecastRow, onWithheld: OnWithheldStored | undefined): StoredPredictionOutput {
  const out = view(p);
  const check = checkForecast({
    homeWinProbability: p.homeWinProb,
    expectedMargin: p.expectedMargin,
    expectedTotal: p.expectedTotal,
    marketProbability: p.marketHomeProb,
  });
  if (check.ok) return out;
  const withheld: StoredPredictionOutput = {
    ...out,
    homeWinProbability: null,
    expectedMargin: null,
    expectedTotal: null,
    market: null,
    withheld: { reason: check.reason, message: check.message },
  };
  onWithheld?.(`stored|${p.gameId}|${p.name}|${p.version}|${p.predictedAt.toISOString()}`, withheld, check);
  return withheld;
}

/**
 * The forecasts the pipeline stored for the games of `date` (`YYYY-MM-DD`, already validated), every
 * model version, by game and newest first: what `GET /v1/predictions` returns and the page shows.
 */
export async function storedPredictions(
  db: DbClient,
  date: string,
  onWithheld?: OnWithheldStored,
): Promise<StoredPredictionOutput[]> {
  return (await storedForecastsOnDate(db, date)).map((r) => published(r, onWithheld));
}
