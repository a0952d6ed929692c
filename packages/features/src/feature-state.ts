import { ELO_538, eloDiff, eloProbability, eloShift } from './elo';
import { FeaturesError } from './errors';
import { ALL_FEATURES } from './feature-spec';
import { marketProbability } from './market';
import { RidgeRatings, type RidgeOptions } from './ridge-ratings';
import { ARENAS, haversineKm } from './teams';
import { newTeamState, recordGame, viewForSeason, type TeamState } from './team-state';
import { isFinished, type ClosingLine, type GameRecord, type Matchup } from '@nba/games';

/** Rest days are capped here (and a team's first game of a season counts as fully rested). */
export const MAX_REST_DAYS = 10;
/** Smoothing of the league-wide points level (per game). */
export const LEAGUE_ALPHA = 0.01;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  if (!DATE_RE.test(date)) throw new FeaturesError('INVALID_GAME', `bad date ${JSON.stringify(date)}`);
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;
}

/** Tunable constants of the state (models always use the defaults; options exist for research). */
export interface FeatureStateOptions {
  /** Step of the opponent-adjusted rating update per game (share of the surprise in points). */
  ratingK: number;
  /** Step of the league home-court advantage update. */
  homeCourtK: number;
  /** Home-court advantage (points) before any game. */
  initialHomeCourt: number;
  /** Constants of the decayed ridge ratings (`DEFAULT_RIDGE_OPTIONS` when absent). */
  ridge?: Partial<RidgeOptions>;
}

/** Defaults, chosen by margin error on seasons 2010-2015 only (never the reported 2016-2024). */
export const DEFAULT_STATE_OPTIONS: Readonly<FeatureStateOptions> = Object.freeze({
  ratingK: 0.04,
  homeCourtK: 0.001,
  initialHomeCourt: 3,
});

/** Closing lines by game id. */
export type LineLookup = ReadonlyMap<string, ClosingLine>;

/**
 * Pre-game feature state, advanced one day at a time in date order. `featuresFor` never mutates,
 * so a caller (the API) can ask for any matchup after the last recorded day; `addDay` computes the
 * features of every game of a day first and only then records their results, so no game sees a
 * result of its own day.
 */
export class FeatureState {
  private readonly teams = new Map<string, TeamState>();
  private league = NaN;
  private last: string | null = null;
  private recorded = 0;
  private homeCourt: number;
  private readonly opts: FeatureStateOptions;
  private readonly ridge: RidgeRatings;

  constructor(options: Partial<FeatureStateOptions> = {}) {
    this.opts = { ...DEFAULT_STATE_OPTIONS, ...options };
    this.homeCourt = this.opts.initialHomeCourt;
    this.ridge = new RidgeRatings(this.opts.ridge);
  }

  /** Date of the last day added, or null. */
  get lastDate(): string | null {
    return this.last;
  }

  /** Number of finished games recorded. */
  get gamesRecorded(): number {
    return this.recorded;
  }

  /** Current Elo of a team (as of its last game, before any new-season carry-over). */
  elo(team: string): number {
    return this.team(team).elo;
  }

  private team(code: string): TeamState {
    let t = this.teams.get(code);
    if (!t) {
      if (!ARENAS[code]) throw new FeaturesError('UNKNOWN_TEAM', `unknown team code ${JSON.stringify(code)}`);
      t = newTeamState();
      this.teams.set(code, t);
    }
    return t;
  }

  /** Full feature vector (order `ALL_FEATURES`) of a matchup dated after the last recorded day. */
  featuresFor(m: Matchup, line?: ClosingLine): Float64Array {
    const day = dayNumber(m.date);
    if (this.last !== null && m.date <= this.last) {
      throw new FeaturesError('OUT_OF_ORDER', `features for ${m.date} asked after ${this.last} was recorded`);
    }
    if (m.home === m.away) throw new FeaturesError('INVALID_GAME', `${m.home} cannot play itself`);
    const h = viewForSeason(this.team(m.home), m.season);
    const a = viewForSeason(this.team(m.away), m.season);
    const neutral = m.neutral === true;
    const site = ARENAS[m.home] as { lat: number; lon: number };
    const diff = eloDiff(h.elo, a.elo, neutral);
    const L = this.league;
    const hOff = h.ewmFor - L;
    const hDef = h.ewmAgainst - L;
    const aOff = a.ewmFor - L;
    const aDef = a.ewmAgainst - L;
    const v = new Float64Array(ALL_FEATURES.length);
    let i = 0;
    v[i++] = h.elo;
    v[i++] = a.elo;
    v[i++] = diff;
    v[i++] = eloProbability(diff);
    v[i++] = hOff;
    v[i++] = hDef;
    v[i++] = aOff;
    v[i++] = aDef;
    v[i++] = h.ewmMargin;
    v[i++] = a.ewmMargin;
    v[i++] = h.ewmMargin - a.ewmMargin;
    v[i++] = h.ewmMarginFast;
    v[i++] = a.ewmMarginFast;
    v[i++] = h.ewmMarginHome;
    v[i++] = a.ewmMarginAway;
    v[i++] = mean(h.last10);
    v[i++] = mean(a.last10);
    v[i++] = h.games > 0 ? h.seasonMarginSum / h.games : NaN;
    v[i++] = a.games > 0 ? a.seasonMarginSum / a.games : NaN;
    v[i++] = rest(h, day);
    v[i++] = rest(a, day);
    v[i++] = day - h.lastDay === 1 ? 1 : 0;
    v[i++] = day - a.lastDay === 1 ? 1 : 0;
    v[i++] = day - h.prevDay <= 3 ? 1 : 0;
    v[i++] = day - a.prevDay <= 3 ? 1 : 0;
    v[i++] = travel(h, site);
    v[i++] = travel(a, site);
    v[i++] = h.games;
    v[i++] = a.games;
    v[i++] = Math.min(1, (h.games + a.games) / 164);
    v[i++] = m.gameType === 'playoffs' ? 1 : 0;
    v[i++] = m.gameType === 'playin' ? 1 : 0;
    v[i++] = neutral ? 1 : 0;
    v[i++] = L;
    v[i++] = 2 * L + hOff + aDef + aOff + hDef;
    const exp = this.expected(h, a, neutral);
    v[i++] = h.adjOff;
    v[i++] = h.adjDef;
    v[i++] = a.adjOff;
    v[i++] = a.adjDef;
    v[i++] = this.homeCourt;
    v[i++] = exp.home - exp.away;
    v[i++] = exp.home + exp.away;
    const theta = this.ridge.solve(day, m.season);
    v[i++] = RidgeRatings.rating(theta, m.home);
    v[i++] = RidgeRatings.rating(theta, m.away);
    v[i++] = theta[theta.length - 1] as number;
    v[i++] = RidgeRatings.margin(theta, m.home, m.away, neutral);
    v[i++] = marketProbability(line);
    v[i++] = line?.spreadHome ?? NaN;
    v[i] = line?.total ?? NaN;
    return v;
  }

  /**
   * Adds one day: returns the features of each game (in the given order), then records the
   * finished ones. Every game must carry the same date, later than the last day added.
   */
  addDay(games: readonly GameRecord[], lines?: LineLookup): Float64Array[] {
    if (games.length === 0) return [];
    const date = (games[0] as GameRecord).date;
    for (const g of games) {
      if (g.date !== date) throw new FeaturesError('INVALID_GAME', `addDay got ${g.date} and ${date}`);
    }
    const rows = games.map((g) => this.featuresFor(g, lines?.get(g.id)));
    const day = dayNumber(date);
    const done = games.filter(isFinished);
    for (const g of done) this.record(g, day);
    if (done.length > 0) {
      const season = Math.max(...done.map((g) => g.season));
      this.ridge.record(
        day,
        season,
        done.map((g) => ({ home: g.home, away: g.away, margin: g.homePts - g.awayPts, neutral: g.neutral === true })),
      );
    }
    this.last = date;
    return rows;
  }

  /** Expected points of each side from the adjusted ratings. */
  private expected(h: TeamState, a: TeamState, neutral: boolean): { home: number; away: number } {
    const L = Number.isNaN(this.league) ? 100 : this.league;
    const hc = neutral ? 0 : this.homeCourt / 2;
    return { home: L + h.adjOff + a.adjDef + hc, away: L + a.adjOff + h.adjDef - hc };
  }

  private record(g: GameRecord & { homePts: number; awayPts: number }, day: number): void {
    const h = this.adopt(g.home, g.season);
    const a = this.adopt(g.away, g.season);
    const site = ARENAS[g.home] as { lat: number; lon: number };
    const neutral = g.neutral === true;
    const exp = this.expected(h, a, neutral);
    const eh = g.homePts - exp.home;
    const ea = g.awayPts - exp.away;
    const k = this.opts.ratingK;
    h.adjOff += k * eh;
    a.adjDef += k * eh;
    a.adjOff += k * ea;
    h.adjDef += k * ea;
    if (!neutral) this.homeCourt += this.opts.homeCourtK * (eh - ea);
    const shift = eloShift(h.elo, a.elo, g.homePts - g.awayPts, neutral, ELO_538);
    recordGame(h, {
      day,
      lat: site.lat,
      lon: site.lon,
      scored: g.homePts,
      allowed: g.awayPts,
      atHome: true,
      eloShift: shift,
    });
    recordGame(a, {
      day,
      lat: site.lat,
      lon: site.lon,
      scored: g.awayPts,
      allowed: g.homePts,
      atHome: false,
      eloShift: -shift,
    });
    const pts = (g.homePts + g.awayPts) / 2;
    this.league = Number.isNaN(this.league) ? pts : this.league + LEAGUE_ALPHA * (pts - this.league);
    this.recorded += 1;
  }

  /** The team's own state for `season`, replaced by a carried-over copy when a season starts. */
  private adopt(code: string, season: number): TeamState {
    const cur = this.team(code);
    if (cur.season < 0) cur.season = season;
    if (cur.season >= season) return cur;
    const next = viewForSeason(cur, season);
    next.last10 = [...cur.last10];
    this.teams.set(code, next);
    return next;
  }
}

function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function rest(t: TeamState, day: number): number {
  return Number.isNaN(t.lastDay) ? MAX_REST_DAYS : Math.min(MAX_REST_DAYS, day - t.lastDay);
}

function travel(t: TeamState, site: { lat: number; lon: number }): number {
  return Number.isNaN(t.lastLat) ? 0 : haversineKm({ lat: t.lastLat, lon: t.lastLon }, site);
}
