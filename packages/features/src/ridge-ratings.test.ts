import { dampMargin, RidgeRatings, solveSpd } from './ridge-ratings';
import { TEAM_CODES } from './teams';

const T = TEAM_CODES.length;

describe('solveSpd', () => {
  it('solves a small symmetric positive definite system', () => {
    // [[4,2],[2,3]] x = [10, 8] -> x = [1.75, 1.5]
    const x = solveSpd(Float64Array.from([4, 2, 2, 3]), Float64Array.from([10, 8]), 2);
    expect(x[0]).toBeCloseTo(1.75, 12);
    expect(x[1]).toBeCloseTo(1.5, 12);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSpd(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toThrow(/positive definite/);
  });
});

describe('dampMargin', () => {
  it('keeps the sign, is close to the margin when small and grows slowly when large', () => {
    expect(dampMargin(0, 15)).toBe(0);
    expect(dampMargin(-10, 15)).toBeCloseTo(-15 * Math.log(1 + 10 / 15), 12);
    expect(dampMargin(1, 15)).toBeGreaterThan(0.96);
    expect(dampMargin(40, 15)).toBeLessThan(20);
  });
});

describe('RidgeRatings', () => {
  const games = [
    { day: 100, season: 2020, home: 'BOS', away: 'NYK', margin: 12, neutral: false },
    { day: 101, season: 2020, home: 'NYK', away: 'MIA', margin: -3, neutral: false },
    { day: 103, season: 2020, home: 'MIA', away: 'BOS', margin: 5, neutral: true },
    { day: 300, season: 2021, home: 'LAL', away: 'BOS', margin: 20, neutral: false },
  ];
  const opts = { tauDays: 50, lambda: 2, seasonCarry: 0.5, damp: 15, priorHomeCourt: 3 };

  it('minimises the decayed, damped ridge objective (its gradient is zero at the solution)', () => {
    const r = new RidgeRatings(opts);
    for (const g of games) r.record(g.day, g.season, [g]);
    const day = 310;
    const theta = r.solve(day, 2021);
    const idx = (c: string) => TEAM_CODES.indexOf(c);
    const grad = new Float64Array(T + 1);
    for (const g of games) {
      let w = Math.exp(-(day - g.day) / opts.tauDays);
      if (g.season < 2021) w *= opts.seasonCarry;
      const pred =
        (theta[idx(g.home)] as number) - (theta[idx(g.away)] as number) + (g.neutral ? 0 : (theta[T] as number));
      const res = dampMargin(g.margin, opts.damp) - pred;
      grad[idx(g.home)] = (grad[idx(g.home)] as number) - 2 * w * res;
      grad[idx(g.away)] = (grad[idx(g.away)] as number) + 2 * w * res;
      if (!g.neutral) grad[T] = (grad[T] as number) - 2 * w * res;
    }
    let sum = 0;
    for (let i = 0; i < T; i++) sum += theta[i] as number;
    for (let i = 0; i < T; i++) grad[i] = (grad[i] as number) + 2 * opts.lambda * (theta[i] as number) + 2 * sum;
    grad[T] = (grad[T] as number) + 2 * opts.lambda * ((theta[T] as number) - opts.priorHomeCourt);
    for (const v of grad) expect(Math.abs(v)).toBeLessThan(1e-9);
    expect(Math.abs(sum)).toBeLessThan(1e-9);
    expect(RidgeRatings.rating(theta, 'LAL')).toBeGreaterThan(0);
    expect(RidgeRatings.margin(theta, 'LAL', 'BOS', true)).toBeCloseTo(
      RidgeRatings.rating(theta, 'LAL') - RidgeRatings.rating(theta, 'BOS'),
      12,
    );
  });

  it('weighs recent games more, and starts from zero ratings and the prior home court', () => {
    const fresh = new RidgeRatings(opts).solve(1, 2020);
    expect(Array.from(fresh.subarray(0, T)).every((v) => v === 0)).toBe(true);
    expect(fresh[T]).toBeCloseTo(opts.priorHomeCourt, 12);
    const r = new RidgeRatings(opts);
    r.record(10, 2020, [{ home: 'BOS', away: 'NYK', margin: 10, neutral: true }]);
    r.record(200, 2020, [{ home: 'NYK', away: 'BOS', margin: 10, neutral: true }]);
    const theta = r.solve(201, 2020);
    expect(RidgeRatings.margin(theta, 'NYK', 'BOS', true)).toBeGreaterThan(0);
  });

  it('solving does not change the fit', () => {
    const r = new RidgeRatings(opts);
    for (const g of games.slice(0, 3)) r.record(g.day, g.season, [g]);
    const before = Array.from(r.solve(104, 2020));
    r.solve(400, 2021);
    expect(Array.from(r.solve(104, 2020))).toEqual(before);
  });
});
