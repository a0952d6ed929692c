import type { DbClient } from '@nba/db';
import { required } from '@nba/errors';

/** What {@link insertSettledForecasts} stored. */
export interface SettledForecastsInfo {
  versionIds: number[];
  forecasts: number;
}

/** Small seeded generator (the same numbers on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (1_664_525 * s + 1_013_904_223) >>> 0) / 2 ** 32;
}

/**
 * Registry rows of `versions` model versions (alternately `names`), each with `perVersion` settled
 * forecasts on consecutive final games of the database: seeded probabilities including the edges
 * (0, 1, exactly 0.5, each bin's bounds), a market line on most games, and one version of each
 * name without any line. The record page's test and benchmark data (no model is trained).
 */
export async function insertSettledForecasts(
  db: DbClient,
  options: { versions: number; perVersion: number; names?: readonly string[]; seed?: number },
): Promise<SettledForecastsInfo> {
  const names = options.names ?? ['nba-winner', 'nba-winner-stats'];
  const rand = lcg(options.seed ?? 1);
  const games = await db.game.findMany({
    where: { status: 'final' },
    select: { id: true, homeScore: true, awayScore: true },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  });
  if (games.length === 0) throw new Error('insertSettledForecasts needs final games');
  const edges = [0, 1, 0.5, 0.1, 0.2, 0.9, 1e-16, 1 - 1e-16];
  const versionIds: number[] = [];
  let forecasts = 0;
  for (let v = 0; v < options.versions; v++) {
    const name = required(names[v % names.length], 'a model name');
    const created = await db.modelVersion.create({
      data: {
        name,
        version: `0.${Math.floor(v / names.length)}.0`,
        featureSpec: {},
        params: {},
        metrics: {},
        createdBy: 'bench',
        status: 'archived',
      },
      select: { id: true },
    });
    versionIds.push(created.id);
    const withoutLines = v < names.length;
    const start = Math.floor(rand() * games.length);
    const rows = Array.from({ length: Math.min(options.perVersion, games.length) }, (_, i) => {
      const g = required(games[(start + i) % games.length], 'a final game');
      const p = edges[i] ?? 0.05 + 0.9 * rand();
      const market = withoutLines || rand() < 0.15 ? null : Math.min(0.97, Math.max(0.03, p + (rand() - 0.5) * 0.2));
      return {
        gameId: g.id,
        modelVersionId: created.id,
        homeWinProb: p,
        marketHomeProb: market,
        settledAt: new Date(),
        homeWon: (g.homeScore ?? 0) > (g.awayScore ?? 0),
      };
    });
    for (let i = 0; i < rows.length; i += 5000) await db.prediction.createMany({ data: rows.slice(i, i + 5000) });
    forecasts += rows.length;
  }
  return { versionIds, forecasts };
}
