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
 * the record). A game has at most one hindcast per model name: storing a hindcast removes the
 * game's hindcasts by other hindcast versions of the name (trained from data since corrected).
 * Returns whether it was written.
 */
export async function storeForecast(
  db: DbClient,
  gameId: number,
  version: { id: number; name: string; kind: 'live' | 'hindcast' },
  values: ForecastValues,
): Promise<boolean> {
  const key = { gameId_modelVersionId: { gameId, modelVersionId: version.id } };
  const existing = await db.prediction.findUnique({ where: key, select: { settledAt: true } });
  if (existing?.settledAt) return false;
  const upsert = db.prediction.upsert({
    where: key,
    create: { gameId, modelVersionId: version.id, ...values },
    update: values,
  });
  if (version.kind === 'live') await upsert;
  else {
    const others = db.prediction.deleteMany({
      where: { gameId, modelVersionId: { not: version.id }, modelVersion: { name: version.name, kind: 'hindcast' } },
    });
    await db.$transaction([others, upsert]);
  }
  return true;
}
