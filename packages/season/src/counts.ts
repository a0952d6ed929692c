import { LEAGUE, TEAM_COUNT } from './league';
import { addAt } from './add-at';

/** Stages a team can reach, counted per simulation. */
export const STAGES = ['playIn', 'playoffs', 'secondRound', 'confFinals', 'finals', 'title'] as const;
/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/**
 * Raw tallies of a batch of simulations (typed arrays, so batches from worker threads add up):
 * a histogram of final wins per team, conference positions 1..15, and the stages reached.
 */
export interface SimulationCounts {
  simulations: number;
  readonly maxGames: number;
  /** `wins[t * (maxGames + 1) + w]`: simulations where team t finished with w wins. */
  readonly wins: Int32Array;
  /** `positions[t * 15 + k]`: simulations where team t finished the regular season in position k+1. */
  readonly positions: Int32Array;
  /** `stages[t * STAGES.length + s]`. */
  readonly stages: Int32Array;
}

/** Empty tallies. */
export function emptyCounts(maxGames: number): SimulationCounts {
  return {
    simulations: 0,
    maxGames,
    wins: new Int32Array(TEAM_COUNT * (maxGames + 1)),
    positions: new Int32Array(TEAM_COUNT * 15),
    stages: new Int32Array(TEAM_COUNT * STAGES.length),
  };
}

/** Adds `from` into `into` (same maxGames): batches of one seed each, run apart, merge exactly. */
export function mergeCounts(into: SimulationCounts, from: SimulationCounts): void {
  into.simulations += from.simulations;
  for (let i = 0; i < into.wins.length; i++) addAt(into.wins, i, from.wins[i] ?? 0);
  for (let i = 0; i < into.positions.length; i++) addAt(into.positions, i, from.positions[i] ?? 0);
  for (let i = 0; i < into.stages.length; i++) addAt(into.stages, i, from.stages[i] ?? 0);
}

/** A team's season outlook: projected wins and the probability of every seed and stage. */
export interface TeamOutlook {
  readonly team: string;
  readonly conference: 'East' | 'West';
  readonly winsMean: number;
  readonly winsP10: number;
  readonly winsP90: number;
  /** P(regular-season position k+1 in the conference), k = 0..14 (before the play-in). */
  readonly seed: readonly number[];
  readonly topSeed: number;
  readonly playIn: number;
  /** P(reaching the first round: a top-8 seed after the play-in). */
  readonly playoffs: number;
  readonly secondRound: number;
  readonly confFinals: number;
  readonly finals: number;
  readonly title: number;
}

function percentile(hist: Int32Array, offset: number, size: number, total: number, q: number): number {
  let cum = 0;
  for (let w = 0; w < size; w++) {
    cum += hist[offset + w] as number;
    if (cum >= q * total) return w;
  }
  return size - 1;
}

/** Probabilities and win projections from tallies. */
export function summarize(counts: SimulationCounts): TeamOutlook[] {
  const n = counts.simulations;
  const size = counts.maxGames + 1;
  const out: TeamOutlook[] = [];
  for (let t = 0; t < TEAM_COUNT; t++) {
    let sum = 0;
    for (let w = 0; w < size; w++) sum += w * (counts.wins[t * size + w] as number);
    const stage = (s: Stage): number => (counts.stages[t * STAGES.length + STAGES.indexOf(s)] as number) / n;
    const seed = Array.from({ length: 15 }, (_, k) => (counts.positions[t * 15 + k] as number) / n);
    out.push({
      team: LEAGUE.codes[t] as string,
      conference: LEAGUE.conference[t] === 0 ? 'East' : 'West',
      winsMean: sum / n,
      winsP10: percentile(counts.wins, t * size, size, n, 0.1),
      winsP90: percentile(counts.wins, t * size, size, n, 0.9),
      seed,
      topSeed: seed[0] as number,
      playIn: stage('playIn'),
      playoffs: stage('playoffs'),
      secondRound: stage('secondRound'),
      confFinals: stage('confFinals'),
      finals: stage('finals'),
      title: stage('title'),
    });
  }
  return out;
}
