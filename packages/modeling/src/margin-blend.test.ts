import { blendWin, fitMarginToWin } from './margin-blend';

describe('margin-derived win probability', () => {
  it('recovers the logistic map that generated the outcomes', () => {
    let seed = 99;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const margin: number[] = [];
    const win: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const m = (rand() - 0.5) * 30;
      margin.push(m);
      win.push(rand() < 1 / (1 + Math.exp(-(0.2 + 0.15 * m))) ? 1 : 0);
    }
    const fit = fitMarginToWin(margin, win, 0.5);
    expect(fit.intercept).toBeCloseTo(0.2, 1);
    expect(fit.slope).toBeCloseTo(0.15, 1);
    expect(fit.weight).toBe(0.5);
  });

  it('blends on the log-odds scale; weight 0 or no map keeps the win probability', () => {
    const map = { intercept: 0, slope: 0.1, weight: 0.5 };
    // logit(0.5) = 0, margin 10 -> log-odds 1; half of each -> sigmoid(0.5)
    expect(blendWin(0.5, 10, map)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12);
    expect(blendWin(0.7, 10, { ...map, weight: 0 })).toBe(0.7);
    expect(blendWin(0.7, 10, undefined)).toBe(0.7);
  });
});
