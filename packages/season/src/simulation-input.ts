import { SeasonError } from './errors';
import { TEAM_COUNT, teamIndex } from './league';
import { normalQuantile } from './normal';
import { addGame, emptyRecord, type StandingsRecord } from './record';
import { incrementAt } from './add-at';

/** A regular-season game already played. */
export interface PlayedGame {
  readonly home: string;
  readonly away: string;
  readonly homePts: number;
  readonly awayPts: number;
}

/**
 * A regular-season game still to play. Its expected home margin (points) comes from `homeMargin`,
 * else from `homeWinProb` (as a normal margin with the simulation's game sd), else from the ratings
 * (home rating - away rating + home court unless `neutral`).
 */
export interface FutureGame {
  readonly home: string;
  readonly away: string;
  readonly homeMargin?: number;
  readonly homeWinProb?: number;
  readonly neutral?: boolean;
}

/** A play-in or playoff game already played (a morning during the postseason). */
export interface PostseasonGame extends PlayedGame {
  readonly gameType: 'playin' | 'playoffs';
}

/** What a season simulation starts from. */
export interface SeasonState {
  readonly season: number;
  readonly played: readonly PlayedGame[];
  /** Play-in and playoff games already played: the simulation keeps their results. */
  readonly postseason?: readonly PostseasonGame[];
  readonly remaining: readonly FutureGame[];
  /** Net rating per team code: points per game better than an average team on a neutral floor. */
  readonly ratings: Readonly<Record<string, number>>;
  /** Home-court advantage in points (playoff games, and future games priced from the ratings). */
  readonly homeCourtPts: number;
}

/** The state as typed arrays: the record so far and each remaining game's teams and expected home margin. */
export interface CompiledState {
  readonly base: StandingsRecord;
  readonly home: Uint8Array;
  readonly away: Uint8Array;
  readonly meanMargin: Float64Array;
  readonly rating: Float64Array;
  /** Most games any team will have played: the size of the wins histogram. */
  readonly maxGames: number;
  /** Winners of the play-in games played, in order, by pair (`min * 30 + max`). */
  readonly playInWinners: ReadonlyMap<number, readonly number[]>;
  /** `playoffWins[i * 30 + j]`: playoff games team i has won against team j so far. */
  readonly playoffWins: Int32Array;
}

function finite(value: number, field: string): number {
  if (!Number.isFinite(value))
    throw new SeasonError('INVALID_GAME', `invalid ${field} ${value}: expected a finite number`);
  return value;
}

/** Checks and converts a {@link SeasonState}; errors name the field and the value. */
export function compileState(state: SeasonState, gameSdPts: number): CompiledState {
  const base = emptyRecord();
  state.played.forEach((g, i) => {
    const h = teamIndex(g.home, `played[${i}].home`);
    const a = teamIndex(g.away, `played[${i}].away`);
    const margin = finite(g.homePts, `played[${i}].homePts`) - finite(g.awayPts, `played[${i}].awayPts`);
    if (margin === 0)
      throw new SeasonError(
        'INVALID_GAME',
        `invalid played[${i}] ${g.away}@${g.home}: a tied score ${g.homePts}-${g.awayPts}`,
      );
    addGame(base, h, a, margin);
  });
  const rating = new Float64Array(TEAM_COUNT);
  for (const [code, r] of Object.entries(state.ratings))
    rating[teamIndex(code, 'ratings')] = finite(r, `ratings.${code}`);
  const hca = finite(state.homeCourtPts, 'homeCourtPts');
  const n = state.remaining.length;
  const home = new Uint8Array(n);
  const away = new Uint8Array(n);
  const meanMargin = new Float64Array(n);
  const games = new Int32Array(TEAM_COUNT);
  for (let t = 0; t < TEAM_COUNT; t++) games[t] = (base.wins[t] as number) + (base.losses[t] as number);
  state.remaining.forEach((g, i) => {
    const h = teamIndex(g.home, `remaining[${i}].home`);
    const a = teamIndex(g.away, `remaining[${i}].away`);
    home[i] = h;
    away[i] = a;
    incrementAt(games, h);
    incrementAt(games, a);
    if (g.homeMargin !== undefined) meanMargin[i] = finite(g.homeMargin, `remaining[${i}].homeMargin`);
    else if (g.homeWinProb !== undefined) {
      const p = g.homeWinProb;
      if (!(p > 0 && p < 1))
        throw new SeasonError(
          'INVALID_GAME',
          `invalid remaining[${i}].homeWinProb ${p}: expected a probability strictly between 0 and 1`,
        );
      meanMargin[i] = gameSdPts * normalQuantile(p);
    } else meanMargin[i] = (rating[h] as number) - (rating[a] as number) + (g.neutral ? 0 : hca);
  });
  const playInWinners = new Map<number, number[]>();
  const playoffWins = new Int32Array(TEAM_COUNT * TEAM_COUNT);
  (state.postseason ?? []).forEach((g, i) => {
    const h = teamIndex(g.home, `postseason[${i}].home`);
    const a = teamIndex(g.away, `postseason[${i}].away`);
    const margin = finite(g.homePts, `postseason[${i}].homePts`) - finite(g.awayPts, `postseason[${i}].awayPts`);
    if (margin === 0)
      throw new SeasonError(
        'INVALID_GAME',
        `invalid postseason[${i}] ${g.away}@${g.home}: a tied score ${g.homePts}-${g.awayPts}`,
      );
    const [w, l] = margin > 0 ? [h, a] : [a, h];
    if (g.gameType === 'playin') {
      const key = Math.min(h, a) * TEAM_COUNT + Math.max(h, a);
      playInWinners.set(key, [...(playInWinners.get(key) ?? []), w]);
    } else if (g.gameType === 'playoffs') incrementAt(playoffWins, w * TEAM_COUNT + l);
    else
      throw new SeasonError(
        'INVALID_GAME',
        `invalid postseason[${i}].gameType '${String(g.gameType)}': expected playin or playoffs`,
      );
  });
  return { base, home, away, meanMargin, rating, maxGames: Math.max(...games), playInWinners, playoffWins };
}
