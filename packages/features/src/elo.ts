/** Parameters of the 538-style Elo. */
export interface EloParams {
  k: number;
  homeAdvantage: number;
  /** Share of last season's rating kept; the rest regresses to `mean`. */
  carryOver: number;
  mean: number;
  initial: number;
}

/** FiveThirtyEight's NBA Elo: K=20, +100 home, margin multiplier, 0.75 carry-over toward 1505. */
export const ELO_538: Readonly<EloParams> = Object.freeze({
  k: 20,
  homeAdvantage: 100,
  carryOver: 0.75,
  mean: 1505,
  initial: 1500,
});

/** Rating difference home minus away, including home advantage unless the site is neutral. */
export function eloDiff(home: number, away: number, neutral: boolean, p: EloParams = ELO_538): number {
  return home - away + (neutral ? 0 : p.homeAdvantage);
}

/** Home win probability from an Elo difference (home advantage already included). */
export function eloProbability(diff: number): number {
  return 1 / (1 + Math.pow(10, -diff / 400));
}

/** 538's margin-of-victory multiplier: ((|MOV|+3)^0.8) / (7.5 + 0.006 * winner's Elo edge). */
export function movMultiplier(margin: number, winnerEloDiff: number): number {
  return Math.pow(Math.abs(margin) + 3, 0.8) / (7.5 + 0.006 * winnerEloDiff);
}

/**
 * Rating change for the home team after a game (the away team changes by the opposite amount).
 * `margin` is home points minus away points.
 */
export function eloShift(home: number, away: number, margin: number, neutral: boolean, p: EloParams = ELO_538): number {
  const diff = eloDiff(home, away, neutral, p);
  const prob = eloProbability(diff);
  const result = margin > 0 ? 1 : margin < 0 ? 0 : 0.5;
  const winnerDiff = margin >= 0 ? diff : -diff;
  return p.k * movMultiplier(margin, winnerDiff) * (result - prob);
}

/** Rating at the start of a new season: carry-over share of the old one, the rest toward the mean. */
export function eloCarryOver(rating: number, p: EloParams = ELO_538): number {
  return p.carryOver * rating + (1 - p.carryOver) * p.mean;
}
