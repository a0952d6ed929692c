import type { DbClient } from '@nba/db';

/** The numbers of one stored forecast (a `predictions` row) beside the market at prediction time. */
export interface ForecastValues {
  homeWinProb: number;
  expectedMargin: number;
  expectedTotal: number;
  marketHomeProb: number | null;
  edge: number | null;
  marketSpread: number | null;
  marketTotal: number | null;
  isDemo: boolean;
  predictedAt: Date;
}

/**
 * Stores a model version's forecast of a game, the first step of the record (store → settle →
 * score): written again by a later run of the day, but never once settled (a settled forecast is
 * the record). Returns whether it was written.
 */
export async function storeForecast(db: DbClient, gameId: number, modelVersionId: number, values: ForecastValues): Promise<boolean> {
  const key = { gameId_modelVersionId: { gameId, modelVersionId } };
  const existing = await db.prediction.findUnique({ where: key, select: { settledAt: true } });
  if (existing?.settledAt) return false;
  await db.prediction.upsert({ where: key, create: { gameId, modelVersionId, ...values }, update: values });
  return true;
}
