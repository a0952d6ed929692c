import type { DbClient } from '@nba/db';
import { accuracy, brier, logLoss } from '@nba/modeling';
import type { LiveComparison, LiveScores, ModelVersionInfo } from '@nba/registry';

/** A version's settled forecasts by game: the probability and whether the home team won. */
async function settledForecasts(
  db: DbClient,
  modelVersionId: number,
): Promise<Map<number, { p: number; won: number }>> {
  const rows = await db.prediction.findMany({
    where: { modelVersionId, homeWon: { not: null } },
    select: { gameId: true, homeWinProb: true, homeWon: true },
  });
  return new Map(rows.map((r) => [r.gameId, { p: r.homeWinProb, won: r.homeWon === true ? 1 : 0 }]));
}

/** Log loss, Brier and accuracy of settled forecasts, by @nba/modeling's one definition of the scores. */
export function scoreSettled(rows: readonly { p: number; won: number }[]): LiveScores {
  const p = rows.map((r) => r.p);
  const y = rows.map((r) => r.won);
  return { logLoss: logLoss(p, y), brier: brier(p, y), accuracy: accuracy(p, y) };
}

/**
 * The live part of comparing two versions (the registry's `compareVersions` takes it): both
 * versions' settled forecasts scored on the games both forecast; undefined when they share none.
 */
export async function liveComparison(
  db: DbClient,
  a: Pick<ModelVersionInfo, 'id'>,
  b: Pick<ModelVersionInfo, 'id'>,
): Promise<LiveComparison | undefined> {
  const [pa, pb] = await Promise.all([settledForecasts(db, a.id), settledForecasts(db, b.id)]);
  const common = [...pa.keys()].filter((g) => pb.has(g));
  if (common.length === 0) return undefined;
  const pick = (m: Map<number, { p: number; won: number }>) => common.flatMap((g) => m.get(g) ?? []);
  const sa = scoreSettled(pick(pa));
  const sb = scoreSettled(pick(pb));
  return {
    games: common.length,
    a: sa,
    b: sb,
    difference: { logLoss: sb.logLoss - sa.logLoss, brier: sb.brier - sa.brier, accuracy: sb.accuracy - sa.accuracy },
  };
}
