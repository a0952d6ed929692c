import type { TeamOutlook, TeamOutcome } from '@nba/season';

/** The scores of one morning's outlook (each averaged over the 30 teams, except the title's log loss). */
export interface OutlookScores {
  readonly makePlayoffsBrier: number;
  readonly makePlayinBrier: number;
  readonly makeConfFinalsBrier: number;
  readonly makeFinalsBrier: number;
  readonly winFinalsBrier: number;
  /** Ranked probability score of the regular-season position 1..15 (0 perfect, 1 worst). */
  readonly seedRps: number;
  /** -ln P(the actual champion): the title as one forecast over 30 teams. */
  readonly titleLogLoss: number;
}

/** Names of {@link OutlookScores}, in report order. */
export const SCORE_NAMES = [
  'makePlayoffsBrier',
  'makePlayinBrier',
  'makeConfFinalsBrier',
  'makeFinalsBrier',
  'winFinalsBrier',
  'seedRps',
  'titleLogLoss',
] as const;

/**
 * Floor of the champion's probability in the title's log loss: a champion no simulation crowned
 * (probability 0) would make it infinite; below 1 in 10,000 simulations there is no resolution.
 */
export const TITLE_PROBABILITY_FLOOR = 1e-4;

/** Rounds reached as 0/1 outcomes per team, from the season's real games. */
export interface TeamTruth {
  readonly position: number;
  readonly playIn: number;
  readonly playoffs: number;
  readonly confFinals: number;
  readonly finals: number;
  readonly title: number;
}

/** What happened to each team, by code. */
export function truthOf(teams: readonly TeamOutcome[]): Map<string, TeamTruth> {
  return new Map(
    teams.map((t) => [
      t.team,
      {
        position: t.position,
        playIn: t.playIn ? 1 : 0,
        playoffs: t.seed !== null ? 1 : 0,
        confFinals: t.seriesWon >= 2 ? 1 : 0,
        finals: t.seriesWon >= 3 ? 1 : 0,
        title: t.champion ? 1 : 0,
      },
    ]),
  );
}

function rps(seed: readonly number[], position: number): number {
  let forecast = 0;
  let sum = 0;
  for (let k = 1; k < seed.length; k++) {
    forecast += seed[k - 1] as number;
    const observed = position <= k ? 1 : 0;
    sum += (forecast - observed) ** 2;
  }
  return sum / (seed.length - 1);
}

/** A morning's outlook scored against what happened. */
export function scoreOutlook(teams: readonly TeamOutlook[], truth: ReadonlyMap<string, TeamTruth>): OutlookScores {
  let playoffs = 0;
  let playIn = 0;
  let confFinals = 0;
  let finals = 0;
  let title = 0;
  let seed = 0;
  let champion = 1;
  for (const t of teams) {
    const y = truth.get(t.team) as TeamTruth;
    playoffs += (t.playoffs - y.playoffs) ** 2;
    playIn += (t.playIn - y.playIn) ** 2;
    confFinals += (t.confFinals - y.confFinals) ** 2;
    finals += (t.finals - y.finals) ** 2;
    title += (t.title - y.title) ** 2;
    seed += rps(t.seed, y.position);
    if (y.title === 1) champion = t.title;
  }
  const n = teams.length;
  return {
    makePlayoffsBrier: playoffs / n,
    makePlayinBrier: playIn / n,
    makeConfFinalsBrier: confFinals / n,
    makeFinalsBrier: finals / n,
    winFinalsBrier: title / n,
    seedRps: seed / n,
    titleLogLoss: -Math.log(Math.max(champion, TITLE_PROBABILITY_FLOOR)),
  };
}

/** Mean of each score over mornings (null when there are none). */
export function meanScores(list: readonly OutlookScores[]): OutlookScores | null {
  if (list.length === 0) return null;
  const out = Object.fromEntries(SCORE_NAMES.map((k) => [k, list.reduce((s, x) => s + x[k], 0) / list.length]));
  return out as unknown as OutlookScores;
}
