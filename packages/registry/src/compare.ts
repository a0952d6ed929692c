import type { DbClient } from '@nba/db';
import type { Comparison, LiveScores, MetricComparison, ModelVersionInfo } from './types';

const EPS = 1e-15;

/** Stored metrics of two versions side by side, per dataset and metric, with b − a. */
export function compareMetrics(a: ModelVersionInfo, b: ModelVersionInfo): MetricComparison[] {
  const keys = new Map<string, { dataset: string; metric: string }>();
  for (const m of [a.metrics, b.metrics]) {
    for (const [dataset, values] of Object.entries(m)) {
      for (const metric of Object.keys(values)) keys.set(`${dataset}\u0000${metric}`, { dataset, metric });
    }
  }
  return [...keys.values()]
    .sort((x, y) => x.dataset.localeCompare(y.dataset) || x.metric.localeCompare(y.metric))
    .map(({ dataset, metric }) => {
      const va = a.metrics[dataset]?.[metric] ?? null;
      const vb = b.metrics[dataset]?.[metric] ?? null;
      return { dataset, metric, a: va, b: vb, difference: va !== null && vb !== null ? vb - va : null };
    });
}

/** Log loss, Brier score and accuracy (0.5 threshold) of home-win probabilities against outcomes. */
export function scoreForecasts(rows: { p: number; won: boolean }[]): LiveScores {
  let logLoss = 0;
  let brier = 0;
  let correct = 0;
  for (const { p, won } of rows) {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    const y = won ? 1 : 0;
    logLoss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
    brier += (p - y) ** 2;
    if (p >= 0.5 === won) correct++;
  }
  const n = rows.length;
  return { logLoss: logLoss / n, brier: brier / n, accuracy: correct / n };
}

async function settled(db: DbClient, modelVersionId: number): Promise<Map<number, { p: number; won: boolean }>> {
  const rows = await db.prediction.findMany({
    where: { modelVersionId, homeWon: { not: null } },
    select: { gameId: true, homeWinProb: true, homeWon: true },
  });
  return new Map(rows.map((r) => [r.gameId, { p: r.homeWinProb, won: r.homeWon === true }]));
}

/** Both versions' settled forecasts scored on the games both forecast; undefined when there are none. */
export async function compareLive(db: DbClient, a: ModelVersionInfo, b: ModelVersionInfo): Promise<Comparison['live']> {
  const [pa, pb] = await Promise.all([settled(db, a.id), settled(db, b.id)]);
  const common = [...pa.keys()].filter((g) => pb.has(g));
  if (common.length === 0) return undefined;
  const sa = scoreForecasts(common.map((g) => pa.get(g)!));
  const sb = scoreForecasts(common.map((g) => pb.get(g)!));
  return {
    games: common.length,
    a: sa,
    b: sb,
    difference: { logLoss: sb.logLoss - sa.logLoss, brier: sb.brier - sa.brier, accuracy: sb.accuracy - sa.accuracy },
  };
}
