import { emptyCounts, STAGES, summarize, type SimulationCounts, type TeamOutlook } from './counts';
import { SeasonError } from './errors';
import { TEAM_COUNT } from './league';
import { NORMAL_TABLE, NORMAL_TABLE_BITS } from './normal';
import { BRACKET, hasHomeCourt, resolvePlayIn } from './postseason';
import { copyRecord, emptyRecord } from './record';
import { Rng } from './rng';
import { seasonRules, type SeasonRules } from './rules';
import { leagueStandings } from './seeding';
import { compileState, type CompiledState, type SeasonState } from './simulation-input';
import { addAt, incrementAt } from './add-at';

/** Settings of a season simulation. */
export interface SimulationOptions {
  /** Simulated seasons (default 10,000). */
  readonly simulations?: number;
  /** Seed of the generator: the same seed and input give the same result (default 1). */
  readonly seed?: number;
  /**
   * Sd (points) of each team's strength offset, drawn once per simulated season and used in all its
   * games, playoffs included: ratings are uncertain and their errors last a season, so games are not
   * independent (default 0: no offset).
   */
  readonly teamSdPts?: number;
  /** Sd (points) of a game's margin around its expected margin (default 12.4, as the spread's). */
  readonly gameSdPts?: number;
  /** Rules to play by (default: the season's). */
  readonly rules?: SeasonRules;
}

/** The outlook of a season: per team, projected wins and the probability of each seed and stage. */
export interface SeasonOutlook {
  readonly season: number;
  readonly simulations: number;
  readonly seed: number;
  readonly teams: readonly TeamOutlook[];
}

const MASK = (1 << NORMAL_TABLE_BITS) - 1;
const STAGE = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<(typeof STAGES)[number], number>;

function check(value: number, field: string, ok: boolean): number {
  if (!ok) throw new SeasonError('INVALID_OPTION', `invalid ${field} ${value}`);
  return value;
}

/**
 * Simulates the rest of the regular season, the play-in and the playoffs `simulations` times and
 * returns the raw tallies (for merging batches, e.g. from worker threads). Exact tiebreakers and the
 * season's rules; playoff games from the same ratings (plus the season's offsets) with home court.
 */
export function simulateCounts(state: SeasonState, options: SimulationOptions = {}): SimulationCounts {
  const sims = check(
    options.simulations ?? 10_000,
    'simulations',
    Number.isInteger(options.simulations ?? 10_000) && (options.simulations ?? 10_000) > 0,
  );
  const seed = options.seed ?? 1;
  check(seed, 'seed', Number.isInteger(seed));
  const teamSd = check(options.teamSdPts ?? 0, 'teamSdPts', (options.teamSdPts ?? 0) >= 0);
  const gameSd = check(options.gameSdPts ?? 12.4, 'gameSdPts', (options.gameSdPts ?? 12.4) > 0);
  const rules = options.rules ?? seasonRules(state.season);
  const c: CompiledState = compileState(state, gameSd);
  const counts = emptyCounts(c.maxGames);
  const rng = new Rng(seed);
  const rec = emptyRecord();
  const strength = new Float64Array(TEAM_COUNT);
  const offset = new Float64Array(TEAM_COUNT);
  const postHca = rules.neutralPostseason ? 0 : state.homeCourtPts;
  const draw = (n: number): number => rng.int(n);
  const { home, away, meanMargin } = c;
  const n = meanMargin.length;
  const { wins, losses, vs, pointDiff } = rec;
  // one postseason game: the venue's team wins when its margin draw is positive
  const play = (h: number, a: number): number =>
    (strength[h] as number) - (strength[a] as number) + postHca + gameSd * (NORMAL_TABLE[rng.next() & MASK] as number) >
    0
      ? h
      : a;
  // play-in games already played keep their results (each pair's games in order)
  const playInUsed = new Map<number, number>();
  const playIn = (h: number, a: number): number => {
    const key = Math.min(h, a) * TEAM_COUNT + Math.max(h, a);
    const known = c.playInWinners.get(key);
    const used = playInUsed.get(key) ?? 0;
    if (known && used < known.length) {
      playInUsed.set(key, used + 1);
      return known[used] as number;
    }
    return play(h, a);
  };
  const series = (a: number, b: number, seedA: number, seedB: number): number => {
    const hc = hasHomeCourt(rec, a, b, seedA, seedB, draw) ? a : b;
    const other = hc === a ? b : a;
    // a series under way continues from its score
    let wh = c.playoffWins[hc * TEAM_COUNT + other] as number;
    let wo = c.playoffWins[other * TEAM_COUNT + hc] as number;
    for (let k = wh + wo; wh < 4 && wo < 4; k++) {
      const winner = rules.seriesHomePattern[k] ? play(hc, other) : play(other, hc);
      if (winner === hc) wh++;
      else wo++;
    }
    return wh === 4 ? hc : other;
  };
  const size = c.maxGames + 1;
  let ra = rng.next() | 0;
  let rb = rng.next() | 0;
  let rc = rng.next() | 0;
  let rd = rng.next() | 0;
  for (let s = 0; s < sims; s++) {
    copyRecord(c.base, rec);
    for (let t = 0; t < TEAM_COUNT; t++) {
      const o = teamSd > 0 ? teamSd * rng.normal() : 0;
      offset[t] = o;
      strength[t] = (c.rating[t] as number) + o;
    }
    for (let g = 0; g < n; g++) {
      // sfc32 inline: the games' own stream (seeded from the main one), state in locals
      const r = (((ra + rb) | 0) + rd) | 0;
      rd = (rd + 1) | 0;
      ra = rb ^ (rb >>> 9);
      rb = (rc + (rc << 3)) | 0;
      rc = ((rc << 21) | (rc >>> 11)) + r;
      rc |= 0;
      const h = home[g] as number;
      const a = away[g] as number;
      const m =
        (meanMargin[g] as number) +
        (offset[h] as number) -
        (offset[a] as number) +
        gameSd * (NORMAL_TABLE[r & MASK] as number);
      const w = m > 0 ? h : a;
      const l = m > 0 ? a : h;
      incrementAt(wins, w);
      incrementAt(losses, l);
      incrementAt(vs, w * TEAM_COUNT + l);
      addAt(pointDiff, h, m);
      addAt(pointDiff, a, -m);
    }
    for (let t = 0; t < TEAM_COUNT; t++) incrementAt(counts.wins, t * size + (wins[t] as number));
    const standings = leagueStandings(rec, rules, { draw });
    const champions: number[] = [];
    for (const conf of standings) {
      conf.order.forEach((t, k) => incrementAt(counts.positions, t * 15 + k));
      if (c.playInWinners.size > 0) playInUsed.clear();
      const field = resolvePlayIn(conf.order, rec, rules, playIn);
      for (const t of field.playIn) incrementAt(counts.stages, t * STAGES.length + STAGE.playIn);
      for (const t of field.seeds) incrementAt(counts.stages, t * STAGES.length + STAGE.playoffs);
      let round: { team: number; seed: number }[] = BRACKET.map(([i, j]) => {
        const [a, b] = [field.seeds[i] as number, field.seeds[j] as number];
        const w = series(a, b, i, j);
        return { team: w, seed: w === a ? i : j };
      });
      for (const stage of [STAGE.secondRound, STAGE.confFinals, STAGE.finals]) {
        for (const r of round) incrementAt(counts.stages, r.team * STAGES.length + stage);
        if (round.length === 1) break;
        const next: { team: number; seed: number }[] = [];
        for (let i = 0; i < round.length; i += 2) {
          const [x, y] = [round[i] as { team: number; seed: number }, round[i + 1] as { team: number; seed: number }];
          const w = series(x.team, y.team, x.seed, y.seed);
          next.push(w === x.team ? x : y);
        }
        round = next;
      }
      champions.push((round[0] as { team: number }).team);
    }
    const [e, w] = champions as [number, number];
    incrementAt(counts.stages, series(e, w, 0, 0) * STAGES.length + STAGE.title);
  }
  counts.simulations = sims;
  return counts;
}

/** {@link simulateCounts} summarised: the season outlook per team. */
export function simulateSeason(state: SeasonState, options: SimulationOptions = {}): SeasonOutlook {
  const counts = simulateCounts(state, options);
  return { season: state.season, simulations: counts.simulations, seed: options.seed ?? 1, teams: summarize(counts) };
}
