import { isoDay } from '@nba/config';
import type { DbClient } from '@nba/db';
import { checkForecast, type ForecastCheck } from '@nba/modeling';
import type { StoredPredictionOutput } from '../schemas/predictions';

interface Row {
  game_id: number;
  game_key: string;
  date: Date;
  tipoff: Date | null;
  home_code: string;
  away_code: string;
  status: StoredPredictionOutput['status'];
  home_score: number | null;
  away_score: number | null;
  home_win_prob: number;
  expected_margin: number | null;
  expected_total: number | null;
  market_home_prob: number | null;
  market_spread: number | null;
  market_total: number | null;
  edge: number | null;
  name: string;
  version: string;
  predicted_at: Date;
  settled_at: Date | null;
  home_won: boolean | null;
  log_loss: number | null;
  brier: number | null;
  is_demo: boolean;
}

function view(p: Row): StoredPredictionOutput {
  const hasMarket = p.market_home_prob !== null || p.market_spread !== null || p.market_total !== null;
  return {
    gameId: p.game_id,
    gameKey: p.game_key,
    date: isoDay(p.date),
    tipoff: p.tipoff?.toISOString() ?? null,
    home: p.home_code,
    away: p.away_code,
    status: p.status,
    homeScore: p.home_score,
    awayScore: p.away_score,
    homeWinProbability: p.home_win_prob,
    expectedMargin: p.expected_margin,
    expectedTotal: p.expected_total,
    market: hasMarket ? { homeProbability: p.market_home_prob, spread: p.market_spread, total: p.market_total, edge: p.edge } : null,
    model: { name: p.name, version: p.version },
    predictedAt: p.predicted_at.toISOString(),
    settlement: p.settled_at ? { settledAt: p.settled_at.toISOString(), homeWon: p.home_won, logLoss: p.log_loss, brier: p.brier } : null,
    isDemo: p.is_demo,
  };
}

/** Hears of a stored forecast withheld by the last-step check (`key` identifies the stored row). */
export type OnWithheldStored = (key: string, p: StoredPredictionOutput, check: Extract<ForecastCheck, { ok: false }>) => void;

/**
 * A stored forecast as published: rows stored before the last-step check existed (or written around
 * it) are checked again, and one that fails is withheld (numbers and market null, `withheld` says why).
 */
function published(p: Row, onWithheld: OnWithheldStored | undefined): StoredPredictionOutput {
  const out = view(p);
  const check = checkForecast({
    homeWinProbability: p.home_win_prob,
    expectedMargin: p.expected_margin,
    expectedTotal: p.expected_total,
    marketProbability: p.market_home_prob,
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
  onWithheld?.(`stored|${p.game_id}|${p.name}|${p.version}|${p.predicted_at.toISOString()}`, withheld, check);
  return withheld;
}

/**
 * The forecasts the pipeline stored for the games of `date` (`YYYY-MM-DD`, already validated), every
 * model version, by game and newest first: what `GET /v1/predictions` returns and the page shows.
 */
export async function storedPredictions(db: DbClient, date: string, onWithheld?: OnWithheldStored): Promise<StoredPredictionOutput[]> {
  // one round trip (Prisma's include would take three)
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.game_id, g.game_key, g.date, g.tipoff, g.home_code, g.away_code, g.status::text AS status,
           g.home_score, g.away_score, p.home_win_prob, p.expected_margin, p.expected_total,
           p.market_home_prob, p.market_spread, p.market_total, p.edge, mv.name, mv.version,
           p.predicted_at, p.settled_at, p.home_won, p.log_loss, p.brier, p.is_demo
      FROM predictions p
      JOIN games g ON g.id = p.game_id
      JOIN model_versions mv ON mv.id = p.model_version_id
     WHERE g.date = ${date}::date
     ORDER BY p.game_id, p.predicted_at DESC`;
  return rows.map((r) => published(r, onWithheld));
}
