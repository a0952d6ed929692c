import { americanToProbability, devigMoneyline, marketProbability, normalCdf, spreadProbability } from './market';

describe('market probabilities', () => {
  it('converts American odds', () => {
    expect(americanToProbability(-200)).toBeCloseTo(2 / 3, 10);
    expect(americanToProbability(150)).toBeCloseTo(0.4, 10);
  });

  it('removes the vig proportionally', () => {
    // -110 / -110: both 0.5238, normalised to 0.5
    expect(devigMoneyline(-110, -110)).toBeCloseTo(0.5, 10);
    // -200 / +170: 0.6667 and 0.3704 -> 0.6667 / 1.0370 = 0.642857
    expect(devigMoneyline(-200, 170)).toBeCloseTo(0.642857, 5);
    expect(devigMoneyline(undefined, 170)).toBeNaN();
  });

  it('turns a spread into a probability with sd 12.4', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(spreadProbability(0)).toBeCloseTo(0.5, 7);
    // home favoured by 6.2 points = half an sd: Phi(0.5) = 0.691462
    expect(spreadProbability(-6.2)).toBeCloseTo(0.691462, 5);
  });

  it('prefers the moneyline, falls back to the spread, else NaN', () => {
    expect(marketProbability({ homeMl: -110, awayMl: -110, spreadHome: -6.2 })).toBeCloseTo(0.5, 10);
    expect(marketProbability({ spreadHome: -6.2 })).toBeCloseTo(0.691462, 5);
    expect(marketProbability({ total: 220 })).toBeNaN();
    expect(marketProbability(undefined)).toBeNaN();
  });
});
