import { ELO_538, eloCarryOver } from './elo';

/** Smoothing of the exponentially weighted averages (per game). */
export const EWM_ALPHA = 0.1;
/** A faster average of the margin, for form. */
export const EWM_FAST_ALPHA = 0.3;

/** Share of the adjusted ratings kept from one season to the next (the rest regresses to average). */
export const RATING_CARRY_OVER = 0.7;

/** What the state remembers about one team (mutable; owned by FeatureState). */
export interface TeamState {
  season: number;
  elo: number;
  games: number;
  seasonMarginSum: number;
  lastDay: number;
  prevDay: number;
  lastLat: number;
  lastLon: number;
  ewmFor: number;
  ewmAgainst: number;
  ewmMargin: number;
  ewmMarginFast: number;
  ewmMarginHome: number;
  ewmMarginAway: number;
  /** Opponent-adjusted points scored above the league level (online least squares). */
  adjOff: number;
  /** Opponent-adjusted points allowed above the league level. */
  adjDef: number;
  /** Results of the last 10 games (1 win, 0 loss), oldest first. */
  last10: number[];
}

/** A fresh team that has played no game. */
export function newTeamState(): TeamState {
  return {
    season: -1,
    elo: ELO_538.initial,
    games: 0,
    seasonMarginSum: 0,
    lastDay: NaN,
    prevDay: NaN,
    lastLat: NaN,
    lastLon: NaN,
    ewmFor: NaN,
    ewmAgainst: NaN,
    ewmMargin: NaN,
    ewmMarginFast: NaN,
    ewmMarginHome: NaN,
    ewmMarginAway: NaN,
    adjOff: 0,
    adjDef: 0,
    last10: [],
  };
}

/**
 * The team as it stands at the start of a game in `season` without mutating it: a new season
 * carries the Elo over, shrinks the margin averages by the same share and resets season counters.
 */
export function viewForSeason(t: TeamState, season: number): TeamState {
  if (t.season < 0 || season <= t.season) return t;
  const c = ELO_538.carryOver;
  return {
    ...t,
    season,
    elo: eloCarryOver(t.elo),
    games: 0,
    seasonMarginSum: 0,
    lastDay: NaN,
    prevDay: NaN,
    lastLat: NaN,
    lastLon: NaN,
    ewmMargin: t.ewmMargin * c,
    ewmMarginFast: t.ewmMarginFast * c,
    ewmMarginHome: t.ewmMarginHome * c,
    ewmMarginAway: t.ewmMarginAway * c,
    adjOff: t.adjOff * RATING_CARRY_OVER,
    adjDef: t.adjDef * RATING_CARRY_OVER,
  };
}

function ewm(prev: number, x: number, alpha: number): number {
  return Number.isNaN(prev) ? x : prev + alpha * (x - prev);
}

/** Records a finished game for a team already viewed for the game's season (mutates `t`). */
export function recordGame(
  t: TeamState,
  g: { day: number; lat: number; lon: number; scored: number; allowed: number; atHome: boolean; eloShift: number },
): void {
  const margin = g.scored - g.allowed;
  t.elo += g.eloShift;
  t.games += 1;
  t.seasonMarginSum += margin;
  t.prevDay = t.lastDay;
  t.lastDay = g.day;
  t.lastLat = g.lat;
  t.lastLon = g.lon;
  t.ewmFor = ewm(t.ewmFor, g.scored, EWM_ALPHA);
  t.ewmAgainst = ewm(t.ewmAgainst, g.allowed, EWM_ALPHA);
  t.ewmMargin = ewm(t.ewmMargin, margin, EWM_ALPHA);
  t.ewmMarginFast = ewm(t.ewmMarginFast, margin, EWM_FAST_ALPHA);
  if (g.atHome) t.ewmMarginHome = ewm(t.ewmMarginHome, margin, EWM_ALPHA);
  else t.ewmMarginAway = ewm(t.ewmMarginAway, margin, EWM_ALPHA);
  t.last10.push(margin > 0 ? 1 : 0);
  if (t.last10.length > 10) t.last10.shift();
}
