import type { DbClient } from '@nba/db';
import { isoDay } from '../clock';

/** One settled forecast, as the record scores it. */
export interface SettledForecast {
  versionId: number;
  name: string;
  version: string;
  /** US Eastern game date, `YYYY-MM-DD`. */
  date: string;
  probability: number;
  /** The market's de-vigged home-win probability when the forecast was made. */
  market: number | null;
  homeWon: boolean;
  isDemo: boolean;
}

interface Row {
  version_id: number;
  name: string;
  version: string;
  date: Date;
  home_win_prob: number;
  market_home_prob: number | null;
  home_won: boolean;
  is_demo: boolean;
}

/**
 * Every settled forecast, optionally of one model name, in the order the record accumulates them:
 * by version, then by game date and tip-off. One query (the `(model_version_id, settled_at)` index
 * keeps it to the settled rows).
 */
export async function settledForecasts(db: DbClient, name?: string): Promise<SettledForecast[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT mv.id AS version_id, mv.name, mv.version, g.date, p.home_win_prob, p.market_home_prob, p.home_won, p.is_demo
      FROM predictions p
      JOIN model_versions mv ON mv.id = p.model_version_id
      JOIN games g ON g.id = p.game_id
     WHERE p.settled_at IS NOT NULL AND p.home_won IS NOT NULL
       AND (${name ?? null}::text IS NULL OR mv.name = ${name ?? null}::text)
     ORDER BY mv.id, g.date, g.tipoff NULLS LAST, g.id`;
  return rows.map((r) => ({
    versionId: r.version_id,
    name: r.name,
    version: r.version,
    date: isoDay(r.date),
    probability: r.home_win_prob,
    market: r.market_home_prob,
    homeWon: r.home_won,
    isDemo: r.is_demo,
  }));
}
