import { LEAGUE, TEAM_COUNT } from './league';
import { solveSpd } from './linear-solve';
import type { SeasonGame } from './outcomes';
import { addAt } from './add-at';

/** A game with what the rating model reads: the score once played, the closing spread where known. */
export interface LinedGame extends SeasonGame {
  /** The year the game's season ends. */
  readonly season: number;
  /** Closing home spread: negative when the home team is favoured. */
  readonly spreadHome?: number;
  readonly neutral?: boolean | null;
}

/** Settings of the rating model (chosen on seasons up to 2015 only; see README). */
export interface RatingParams {
  /** Weight of a game falls as exp(-age / decayDays). */
  readonly decayDays: number;
  /** Weight of a game's result (its damped margin) relative to its closing line. */
  readonly resultWeight: number;
  /** Ridge penalty pulling each rating toward 0 (an average team), in units of full-weight games. */
  readonly ridge: number;
  /** Extra factor on the weight of games of earlier seasons (rosters change over the summer). */
  readonly previousSeasonWeight: number;
  /** Margins are damped beyond this many points (blowouts say less than their size). */
  readonly marginCapPts: number;
}

/** Defaults: the settings chosen on 2011-2015 only (`pnpm study`; README). */
export const DEFAULT_RATING_PARAMS: RatingParams = {
  decayDays: 90,
  resultWeight: 0.25,
  ridge: 0.25,
  previousSeasonWeight: 0.1,
  marginCapPts: 20,
};

/** Sd (points) of the per-simulation team strength offset for outlooks, chosen on 2011-2015 only (best make_playoffs Brier). */
export const DEFAULT_OUTLOOK_TEAM_SD_PTS = 2;

/** Team ratings as of a morning: points per game against an average team, home court, and the cost of a back-to-back. */
export interface RatingFit {
  /** Net rating per team code (mean 0). */
  readonly ratings: Readonly<Record<string, number>>;
  readonly homeCourtPts: number;
  /** Points a team loses on the second night of a back-to-back. */
  readonly backToBackPts: number;
}

const N = TEAM_COUNT + 2; // ratings, home court, back-to-back
const HCA = TEAM_COUNT;
const B2B = TEAM_COUNT + 1;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** For each game (in date order), whether home and away played the day before. */
export function backToBacks(games: readonly SeasonGame[]): { home: boolean; away: boolean }[] {
  const last = new Map<string, number>();
  return games.map((g) => {
    const d = dayNumber(g.date);
    const out = { home: last.get(g.home) === d - 1, away: last.get(g.away) === d - 1 };
    last.set(g.home, d);
    last.set(g.away, d);
    return out;
  });
}

/**
 * Market-and-results ratings as of the morning of `asOf`, from the games before it only: a
 * weighted ridge regression of every earlier game's closing line (the expected margin the market
 * priced: injuries, trades and rest it knew of) and, with less weight, its damped result, on team
 * ratings, home court (none at neutral sites) and a back-to-back effect. `games` must be in date
 * order; games on or after `asOf` are ignored.
 */
export function fitRatings(
  games: readonly LinedGame[],
  asOf: string,
  season: number,
  params: RatingParams = DEFAULT_RATING_PARAMS,
): RatingFit {
  const a = new Float64Array(N * N);
  const b = new Float64Array(N);
  const today = dayNumber(asOf);
  const rest = backToBacks(games);
  const cols = new Int32Array(4);
  const coef = new Float64Array(4);
  const add = (k: number, y: number, w: number): void => {
    for (let i = 0; i < k; i++) {
      const ci = cols[i] as number;
      addAt(b, ci, w * (coef[i] as number) * y);
      for (let j = 0; j < k; j++) addAt(a, ci * N + (cols[j] as number), w * (coef[i] as number) * (coef[j] as number));
    }
  };
  games.forEach((g, gi) => {
    if (g.date >= asOf || g.gameType === 'cup_final') return;
    const h = LEAGUE.index.get(g.home);
    const v = LEAGUE.index.get(g.away);
    if (h === undefined || v === undefined) return;
    const gameSeason = g.season;
    let w = Math.exp(-(today - dayNumber(g.date)) / params.decayDays);
    if (gameSeason < season) w *= params.previousSeasonWeight ** (season - gameSeason);
    if (w < 1e-4) return;
    const r = rest[gi] as { home: boolean; away: boolean };
    let k = 0;
    cols[k] = h;
    coef[k++] = 1;
    cols[k] = v;
    coef[k++] = -1;
    if (g.neutral !== true) {
      cols[k] = HCA;
      coef[k++] = 1;
    }
    const restDiff = (r.away ? 1 : 0) - (r.home ? 1 : 0);
    if (restDiff !== 0) {
      cols[k] = B2B;
      coef[k++] = restDiff;
    }
    if (g.spreadHome !== undefined && Number.isFinite(g.spreadHome)) add(k, -g.spreadHome, w);
    if (g.homePts !== undefined && g.awayPts !== undefined) {
      const m = g.homePts - g.awayPts;
      const cap = params.marginCapPts;
      const damped = Math.abs(m) <= cap ? m : Math.sign(m) * (cap + Math.log1p((Math.abs(m) - cap) / cap) * cap);
      add(k, damped, w * params.resultWeight);
    }
  });
  for (let t = 0; t < TEAM_COUNT; t++) addAt(a, t * N + t, params.ridge);
  // weak priors keep home court and rest defined before any game (a season's first morning)
  addAt(a, HCA * N + HCA, 1);
  addAt(b, HCA, 2.5);
  addAt(a, B2B * N + B2B, 1);
  addAt(b, B2B, 1.5);
  const x = solveSpd(a, b, N);
  let mean = 0;
  for (let t = 0; t < TEAM_COUNT; t++) mean += (x[t] as number) / TEAM_COUNT;
  const ratings: Record<string, number> = {};
  for (let t = 0; t < TEAM_COUNT; t++) ratings[LEAGUE.codes[t] as string] = (x[t] as number) - mean;
  return { ratings, homeCourtPts: x[HCA] as number, backToBackPts: x[B2B] as number };
}
