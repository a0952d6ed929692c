/**
 * Plausibility bounds of upstream values. Each bound is the range observed in the 2007-08 to
 * 2023-24 data (`../shared/data/nba`: 21,797 games, 21,797 closing lines), widened by a margin so
 * that no real game or line of those seasons fails, while values no NBA game or bookmaker has
 * produced do. Re-derive with `pnpm bounds` (src/bench/plausibility-bounds.ts); the README records
 * the table it printed.
 */
export const BOUNDS = {
  /** A team's final score. Observed 54..176 (0.1%-99.9%: 66..150); NBA record 186. */
  teamPointsMin: 35,
  teamPointsMax: 200,
  /** Both teams' final scores together. Observed 134..351 (0.1%-99.9%: 145..289); NBA record 370. */
  gamePointsMin: 100,
  gamePointsMax: 380,
  /** Home spread, points. Observed -23..+18.5 (0.1%-99.9%: -19..+15.5). */
  spreadAbsMax: 30,
  /** Over/under line, points. Observed 170..262.5 (0.1%-99.9%: 174..249.5). */
  totalMin: 150,
  totalMax: 300,
  /** American price of any outcome. Observed -13000..+6500 (0.1%-99.9%: -6000..+2000). */
  priceMin: -25_000,
  priceMax: 15_000,
  /**
   * Sum of both moneylines' implied probabilities (the bookmaker's overround). Observed
   * 1.0035..1.0632; below 0.98 the pair is an arbitrage no book offers, above 1.15 not a market.
   */
  overroundMin: 0.98,
  overroundMax: 1.15,
  /**
   * |de-vigged moneyline home probability - spread's home probability (normal margin, sd 12.4)|.
   * Observed median 0.011, 99.9% 0.095, max 0.246 (three rows the data set itself flags
   * `ml_spread_disagree`); 0.30 keeps every real pair and flags a contradiction such as home -8
   * on the spread (0.74) and +900 on the moneyline (0.10).
   */
  moneylineSpreadMaxGap: 0.3,
  /**
   * Largest move between two snapshots of one game, bookmaker and market. The data holds closing
   * lines only, so these are judgement, scaled on it: a star's absence moves a spread 4-7 points;
   * 12 points is half the widest spread seen (23); 20 points is a tenth of a typical total (about
   * 215); 0.40 of de-vigged probability is a -150 favourite turned into a +400 underdog.
   */
  spreadMoveMax: 12,
  totalMoveMax: 20,
  moneylineProbMoveMax: 0.4,
} as const;
