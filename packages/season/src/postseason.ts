import { TEAM_COUNT } from './league';
import { pctAgainst, winPct, type StandingsRecord } from './record';
import type { SeasonRules } from './rules';
import { LEAGUE } from './league';

/** Plays one game: returns the winner's index. */
export type PlayGame = (home: number, away: number) => number;

/** A conference's playoff field after the play-in. */
export interface PlayoffField {
  /** The eight playoff teams by seed (index 0 is the first seed). */
  readonly seeds: readonly number[];
  /** Teams that played in the play-in (empty where there was none). */
  readonly playIn: readonly number[];
}

/** Games the 9th finished behind the 8th: ((W8 - W9) + (L9 - L8)) / 2. */
export function gamesBehind(rec: StandingsRecord, ahead: number, behind: number): number {
  return (
    ((rec.wins[ahead] as number) -
      (rec.wins[behind] as number) +
      (rec.losses[behind] as number) -
      (rec.losses[ahead] as number)) /
    2
  );
}

/**
 * The play-in of one conference from its standings `order`: the tournament (7 hosts 8, the winner
 * is seed 7; 9 hosts 10, the loser is out; the loser of 7-8 hosts the winner of 9-10 for seed 8),
 * the 2020 restart (8 hosts 9, only when the 9th is within four games; 9 must win twice), or none.
 */
export function resolvePlayIn(
  order: readonly number[],
  rec: StandingsRecord,
  rules: SeasonRules,
  play: PlayGame,
): PlayoffField {
  const top = order.slice(0, 8);
  const [s7, s8, s9, s10] = [order[6], order[7], order[8], order[9]] as number[];
  if (rules.playIn === 'tournament') {
    const seventh = play(s7 as number, s8 as number);
    const loser = seventh === s7 ? (s8 as number) : (s7 as number);
    const nineTen = play(s9 as number, s10 as number);
    const eighth = play(loser, nineTen);
    return { seeds: [...top.slice(0, 6), seventh, eighth], playIn: [s7, s8, s9, s10] as number[] };
  }
  if (rules.playIn === 'restart' && gamesBehind(rec, s8 as number, s9 as number) <= rules.playInMaxGamesBehind) {
    const first = play(s8 as number, s9 as number);
    const eighth = first === s8 ? first : play(s8 as number, s9 as number);
    return { seeds: [...top.slice(0, 7), eighth], playIn: [s8, s9] as number[] };
  }
  return { seeds: top, playIn: [] };
}

/** First-round pairs in bracket order (1-8, 4-5, 3-6, 2-7) as seed indices: winners of neighbours meet next. */
export const BRACKET: readonly (readonly [number, number])[] = [
  [0, 7],
  [3, 4],
  [2, 5],
  [1, 6],
];

/**
 * True when `a` has home court against `b`: the better winning percentage; in a conference an equal
 * one goes to the better seed (`aSeed` < `bSeed`); in the Finals to the head-to-head winner, then the
 * better record against the other's conference, then a drawing.
 */
export function hasHomeCourt(
  rec: StandingsRecord,
  a: number,
  b: number,
  aSeed: number,
  bSeed: number,
  draw: (n: number) => number,
): boolean {
  const pa = winPct(rec, a);
  const pb = winPct(rec, b);
  if (pa !== pb) return pa > pb;
  if (LEAGUE.conference[a] === LEAGUE.conference[b]) return aSeed < bSeed;
  const ha = rec.vs[a * TEAM_COUNT + b] as number;
  const hb = rec.vs[b * TEAM_COUNT + a] as number;
  if (ha !== hb) return ha > hb;
  const oa = pctAgainst(rec, a, LEAGUE.conferenceTeams[LEAGUE.conference[b] as 0 | 1]);
  const ob = pctAgainst(rec, b, LEAGUE.conferenceTeams[LEAGUE.conference[a] as 0 | 1]);
  if (oa !== ob) return oa > ob;
  return draw(2) === 0;
}
