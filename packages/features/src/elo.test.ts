import { ELO_538, eloCarryOver, eloDiff, eloProbability, eloShift, movMultiplier } from './elo';

describe('538-style Elo', () => {
  it('gives the home team +100 unless neutral', () => {
    expect(eloDiff(1500, 1500, false)).toBe(100);
    expect(eloDiff(1500, 1500, true)).toBe(0);
    expect(eloProbability(0)).toBe(0.5);
    // 1 / (1 + 10^(-100/400)) computed by hand: 0.640065
    expect(eloProbability(100)).toBeCloseTo(0.640065, 6);
  });

  it('matches a hand-computed home win by 10 at 1500 vs 1500', () => {
    // mult = 13^0.8 / (7.5 + 0.006*100) = 7.78314 / 8.1 = 0.960881; shift = 20 * 0.960881 * (1 - 0.640065)
    expect(movMultiplier(10, 100)).toBeCloseTo(0.960881, 5);
    expect(eloShift(1500, 1500, 10, false)).toBeCloseTo(6.917095, 5);
  });

  it('matches a hand-computed upset: away wins by 5 at a neutral site, 1550 vs 1450', () => {
    // p = 0.640065, winner's (away) Elo edge = -100: mult = 8^0.8 / (7.5 - 0.6) = 0.764932
    expect(eloShift(1550, 1450, -5, true)).toBeCloseTo(-9.792126, 5);
  });

  it('carries 0.75 of the rating over toward 1505', () => {
    expect(eloCarryOver(1600)).toBeCloseTo(0.75 * 1600 + 0.25 * 1505, 10);
    expect(ELO_538.k).toBe(20);
  });
});
