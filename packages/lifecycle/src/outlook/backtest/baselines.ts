import { ELO_538, eloCarryOver, eloProbability, eloShift } from '@nba/features';
import { type GameRecord } from '@nba/games';
import { LEAGUE, normalQuantile, type SeasonState } from '@nba/season';

/** Points per Elo point difference used to turn Elo ratings into the simulator's ratings (538: 28 Elo points a point). */
const ELO_POINTS_PER_POINT = 28;
/** The spread's sd: a rating from a win percentage is the margin that wins that often against an average team. */
const GAME_SD_PTS = 12.4;

/**
 * 538-style Elo ratings (K=20, +100 home, margin multiplier, 0.75 carry-over between seasons),
 * advanced through the games in date order up to a morning: the ratings of the Elo-driven baseline.
 */
export class EloTracker {
  private readonly elo = new Map<string, number>();
  private season = 0;
  private next = 0;

  constructor(private readonly games: readonly GameRecord[]) {}

  /** Ratings after every game before `date` (dates must not go back). */
  before(date: string): ReadonlyMap<string, number> {
    for (; this.next < this.games.length && (this.games[this.next] as GameRecord).date < date; this.next++) {
      const g = this.games[this.next] as GameRecord;
      if (g.season !== this.season) {
        for (const [t, r] of this.elo) this.elo.set(t, eloCarryOver(r));
        this.season = g.season;
      }
      if (g.homePts === undefined || g.awayPts === undefined) continue;
      const h = this.elo.get(g.home) ?? ELO_538.initial;
      const a = this.elo.get(g.away) ?? ELO_538.initial;
      const shift = eloShift(h, a, g.homePts - g.awayPts, g.neutral === true);
      this.elo.set(g.home, h + shift);
      this.elo.set(g.away, a - shift);
    }
    return this.elo;
  }
}

/** The morning's simulator input with every future game priced by Elo (played games unchanged). */
export function eloState(state: SeasonState, elo: ReadonlyMap<string, number>): SeasonState {
  const r = (t: string): number => elo.get(t) ?? ELO_538.initial;
  return {
    ...state,
    remaining: state.remaining.map((f) => ({
      home: f.home,
      away: f.away,
      homeWinProb: eloProbability(r(f.home) - r(f.away) + (f.neutral === true ? 0 : ELO_538.homeAdvantage)),
    })),
    ratings: Object.fromEntries(LEAGUE.codes.map((t) => [t, (r(t) - ELO_538.mean) / ELO_POINTS_PER_POINT])),
    homeCourtPts: ELO_538.homeAdvantage / ELO_POINTS_PER_POINT,
  };
}

/**
 * The morning's simulator input with every team as good as its current win percentage (one win and
 * one loss added, so opening day is .500 for all): the rest of the season extrapolated from the
 * records alone, no home court, no market, no margins.
 */
export function winPctState(state: SeasonState): SeasonState {
  const wins = new Map<string, number>();
  const games = new Map<string, number>();
  for (const g of state.played) {
    const winner = g.homePts > g.awayPts ? g.home : g.away;
    wins.set(winner, (wins.get(winner) ?? 0) + 1);
    games.set(g.home, (games.get(g.home) ?? 0) + 1);
    games.set(g.away, (games.get(g.away) ?? 0) + 1);
  }
  const ratings = Object.fromEntries(
    LEAGUE.codes.map((t) => [t, GAME_SD_PTS * normalQuantile(((wins.get(t) ?? 0) + 1) / ((games.get(t) ?? 0) + 2))]),
  );
  return {
    ...state,
    remaining: state.remaining.map((f) => ({ home: f.home, away: f.away, neutral: true })),
    ratings,
    homeCourtPts: 0,
  };
}
