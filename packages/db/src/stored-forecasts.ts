import type { DbClient } from './client';
import type { GameStatus } from './generated/prisma/enums';

/** A stored forecast with its game and model version, as the read routes show it. */
export interface StoredForecastRow {
  gameId: number;
  gameKey: string;
  /** US Eastern date, `YYYY-MM-DD`. */
  date: string;
  tipoff: Date | null;
  home: string;
  away: string;
  status: GameStatus;
  homeScore: number | null;
  awayScore: number | null;
  homeWinProb: number;
  expectedMargin: number | null;
  expectedTotal: number | null;
  marketHomeProb: number | null;
  marketSpread: number | null;
  marketTotal: number | null;
  edge: number | null;
  name: string;
  version: string;
  /** The version's kind: a live forecast, or a hindcast (made afterwards from earlier games only). */
  kind: 'live' | 'hindcast';
  predictedAt: Date;
  settledAt: Date | null;
  homeWon: boolean | null;
  logLoss: number | null;
  brier: number | null;
  isDemo: boolean;
}

/** Every stored forecast of the games of `date` (`YYYY-MM-DD`), every model version, by game, live before hindcast, newest first. */
export function storedForecastsOnDate(db: DbClient, date: string): Promise<StoredForecastRow[]> {
  // one round trip (Prisma's include would take three)
  return db.$queryRaw<StoredForecastRow[]>`
    SELECT p.game_id AS "gameId", g.game_key AS "gameKey", to_char(g.date, 'YYYY-MM-DD') AS date, g.tipoff,
           g.home_code AS home, g.away_code AS away, g.status::text AS status, g.home_score AS "homeScore", g.away_score AS "awayScore",
           p.home_win_prob AS "homeWinProb", p.expected_margin AS "expectedMargin", p.expected_total AS "expectedTotal",
           p.market_home_prob AS "marketHomeProb", p.market_spread AS "marketSpread", p.market_total AS "marketTotal", p.edge,
           mv.name, mv.version, mv.kind::text AS kind, p.predicted_at AS "predictedAt", p.settled_at AS "settledAt", p.home_won AS "homeWon",
           p.log_loss AS "logLoss", p.brier, p.is_demo AS "isDemo"
      FROM predictions p
      JOIN games g ON g.id = p.game_id
      JOIN model_versions mv ON mv.id = p.model_version_id
     WHERE g.date = ${date}::date
     ORDER BY p.game_id, mv.kind, p.predicted_at DESC`;
}
