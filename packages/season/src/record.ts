import { TEAM_COUNT } from './league';
import { addAt, incrementAt } from './add-at';

/**
 * Regular-season results as the tiebreakers need them: wins and losses, every head-to-head count
 * (`vs[i * 30 + j]` = games team i won against team j; division, conference and playoff-eligible
 * records are sums over it) and point differential. Typed arrays, so a simulation copies a season's
 * state in a few `set` calls.
 */
export interface StandingsRecord {
  readonly wins: Int32Array;
  readonly losses: Int32Array;
  readonly vs: Int32Array;
  readonly pointDiff: Float64Array;
}

/** An empty record for the 30 teams. */
export function emptyRecord(): StandingsRecord {
  return {
    wins: new Int32Array(TEAM_COUNT),
    losses: new Int32Array(TEAM_COUNT),
    vs: new Int32Array(TEAM_COUNT * TEAM_COUNT),
    pointDiff: new Float64Array(TEAM_COUNT),
  };
}

/** Copies `from` into `to` (same shapes). */
export function copyRecord(from: StandingsRecord, to: StandingsRecord): void {
  to.wins.set(from.wins);
  to.losses.set(from.losses);
  to.vs.set(from.vs);
  to.pointDiff.set(from.pointDiff);
}

/** Adds one game: `margin` is home points minus away points (never 0 in the NBA). */
export function addGame(rec: StandingsRecord, home: number, away: number, margin: number): void {
  const winner = margin > 0 ? home : away;
  const loser = margin > 0 ? away : home;
  incrementAt(rec.wins, winner);
  incrementAt(rec.losses, loser);
  incrementAt(rec.vs, winner * TEAM_COUNT + loser);
  addAt(rec.pointDiff, home, margin);
  addAt(rec.pointDiff, away, -margin);
}

/** Winning percentage; 0.5 for a team without games (so it ties, not leads or trails). */
export function winPct(rec: StandingsRecord, team: number): number {
  const w = rec.wins[team] as number;
  const g = w + (rec.losses[team] as number);
  return g === 0 ? 0.5 : w / g;
}

/** Winning percentage of `team` in its games against the teams in `opponents` (0.5 without games). */
export function pctAgainst(rec: StandingsRecord, team: number, opponents: readonly number[]): number {
  let w = 0;
  let l = 0;
  const row = team * TEAM_COUNT;
  for (const o of opponents) {
    w += rec.vs[row + o] as number;
    l += rec.vs[o * TEAM_COUNT + team] as number;
  }
  return w + l === 0 ? 0.5 : w / (w + l);
}
