import { FeaturesError } from './errors';
import { TEAM_CODES } from './teams';

/** Constants of the decayed ridge ratings. */
export interface RidgeOptions {
  /** Time constant (days) of the exponential decay of a game's weight. */
  tauDays: number;
  /** Ridge penalty pulling each rating toward 0 (and home court toward `priorHomeCourt`). */
  lambda: number;
  /** Extra weight factor applied to all earlier games when a new season starts. */
  seasonCarry: number;
  /** Margins are damped as `damp * ln(1 + |m| / damp)` (blowouts say less than their size). */
  damp: number;
  /** Prior home-court advantage (damped points). */
  priorHomeCourt: number;
}

/** Defaults, chosen by walk-forward win log loss on seasons 2011-2015 only (never 2016-2024). */
export const DEFAULT_RIDGE_OPTIONS: Readonly<RidgeOptions> = Object.freeze({
  tauDays: 150,
  lambda: 2,
  seasonCarry: 0.5,
  damp: 15,
  priorHomeCourt: 3,
});

const T = TEAM_CODES.length;
const N = T + 1; // ratings, then home court
const INDEX: ReadonlyMap<string, number> = new Map(TEAM_CODES.map((c, i) => [c, i]));

/** Solves the symmetric positive definite system `M x = b` (Cholesky); `m` and `b` are left unchanged. */
export function solveSpd(m: Float64Array, b: Float64Array, n: number): Float64Array {
  return solveSpdInPlace(Float64Array.from(m), b, n);
}

/** Like {@link solveSpd} but overwrites `m` with its Cholesky factor (no allocation of n x n). */
function solveSpdInPlace(l: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = l[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) throw new FeaturesError('INVALID_GAME', 'ridge system is not positive definite');
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / (l[j * n + j] as number);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = s / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (y[k] as number);
    y[i] = s / (l[i * n + i] as number);
  }
  return y;
}

/** Damped margin: `damp * ln(1 + |m| / damp)` with the sign of `m`. */
export function dampMargin(margin: number, damp: number): number {
  return Math.sign(margin) * damp * Math.log1p(Math.abs(margin) / damp);
}

/**
 * Net team ratings (damped points above average, summing to zero) and a home-court advantage,
 * fitted as a ridge regression of every past margin with exponentially decaying weights. The
 * weighted normal equations are kept and decayed in place, so recording a game is O(1) and a
 * rating solve (31 unknowns) is cheap; solves are memoised per (day, season).
 */
export class RidgeRatings {
  private readonly a = new Float64Array(N * N);
  private readonly b = new Float64Array(N);
  private day = NaN;
  private season = -1;
  private memoKey = '';
  private memo: Float64Array | null = null;
  private readonly work = new Float64Array(N * N);
  private readonly rhs = new Float64Array(N);
  readonly options: RidgeOptions;

  constructor(options: Partial<RidgeOptions> = {}) {
    this.options = { ...DEFAULT_RIDGE_OPTIONS, ...options };
  }

  /** Weight factor of the stored games as seen from `day` in `season`. */
  private factor(day: number, season: number): number {
    let f = Number.isNaN(this.day) ? 1 : Math.exp(-(day - this.day) / this.options.tauDays);
    if (this.season >= 0 && season > this.season) f *= this.options.seasonCarry;
    return f;
  }

  /** Ratings (order `TEAM_CODES`, then home court) as they stand before games on `day` of `season`. Does not change the fit. */
  solve(day: number, season: number): Float64Array {
    const key = `${day}:${season}`;
    if (this.memo && this.memoKey === key) return this.memo;
    const f = this.factor(day, season);
    const { lambda, priorHomeCourt } = this.options;
    const m = this.work;
    const rhs = this.rhs;
    for (let i = 0; i < N * N; i++) m[i] = f * (this.a[i] as number);
    for (let i = 0; i < N; i++) {
      rhs[i] = f * (this.b[i] as number);
      m[i * N + i] = (m[i * N + i] as number) + lambda;
    }
    rhs[T] = (rhs[T] as number) + lambda * priorHomeCourt;
    // ratings sum to zero: penalty (sum of ratings)^2
    for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) m[i * N + j] = (m[i * N + j] as number) + 1;
    this.memo = solveSpdInPlace(m, rhs, N);
    this.memoKey = key;
    return this.memo;
  }

  /** Expected damped home margin of a matchup from ratings returned by {@link solve}. */
  static margin(theta: Float64Array, home: string, away: string, neutral: boolean): number {
    return (theta[index(home)] as number) - (theta[index(away)] as number) + (neutral ? 0 : (theta[T] as number));
  }

  /** Rating of one team from ratings returned by {@link solve}. */
  static rating(theta: Float64Array, team: string): number {
    return theta[index(team)] as number;
  }

  /** Records the finished games of one day (`day` not before the last recorded one). */
  record(
    day: number,
    season: number,
    games: readonly { home: string; away: string; margin: number; neutral: boolean }[],
  ): void {
    if (games.length === 0) return;
    const f = this.factor(day, season);
    if (f !== 1) {
      for (let i = 0; i < N * N; i++) this.a[i] = f * (this.a[i] as number);
      for (let i = 0; i < N; i++) this.b[i] = f * (this.b[i] as number);
    }
    for (const g of games) {
      const y = dampMargin(g.margin, this.options.damp);
      const idx = [index(g.home), index(g.away)];
      const val = [1, -1];
      if (!g.neutral) {
        idx.push(T);
        val.push(1);
      }
      for (let p = 0; p < idx.length; p++) {
        const ip = idx[p] as number;
        const vp = val[p] as number;
        this.b[ip] = (this.b[ip] as number) + vp * y;
        for (let q = 0; q < idx.length; q++)
          this.a[ip * N + (idx[q] as number)] =
            (this.a[ip * N + (idx[q] as number)] as number) + vp * (val[q] as number);
      }
    }
    this.day = day;
    this.season = Math.max(this.season, season);
    this.memo = null;
  }
}

function index(team: string): number {
  const i = INDEX.get(team);
  if (i === undefined) throw new FeaturesError('UNKNOWN_TEAM', `unknown team code ${JSON.stringify(team)}`);
  return i;
}
