import {
  accuracy,
  brier,
  calibrationBins,
  expectedCalibrationError,
  logLoss,
  meanAbsoluteError,
  scoreForecast,
} from './metrics';

describe('metrics', () => {
  const p = [0.8, 0.3, 0.6, 0.5];
  const y = [1, 0, 0, 1];

  it('log loss by hand', () => {
    const expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.4) + Math.log(0.5)) / 4; // 0.547314
    expect(logLoss(p, y)).toBeCloseTo(expected, 12);
    expect(logLoss(p, y)).toBeCloseTo(0.547314, 5);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });

  it('Brier by hand', () => {
    expect(brier(p, y)).toBeCloseTo((0.04 + 0.09 + 0.36 + 0.25) / 4, 12);
  });

  it('accuracy counts 0.5 as a home pick', () => {
    expect(accuracy(p, y)).toBe(0.75);
    expect(accuracy([0.5], [0])).toBe(0);
  });

  it('calibration bins and ECE by hand', () => {
    const bins = calibrationBins(p, y, 2);
    expect(bins).toEqual([
      { lo: 0, hi: 0.5, n: 1, meanForecast: 0.3, observed: 0 },
      { lo: 0.5, hi: 1, n: 3, meanForecast: (0.8 + 0.6 + 0.5) / 3, observed: 2 / 3 },
    ]);
    // (1 * 0.3 + 3 * |0.6333 - 0.6667|) / 4 = (0.3 + 0.1) / 4
    expect(expectedCalibrationError(p, y, 2)).toBeCloseTo(0.1, 12);
    expect(calibrationBins([1], [1], 10)[9]?.n).toBe(1);
    expect(calibrationBins([0.05], [1], 10)[3]?.n).toBe(0);
  });

  it('scores a forecast and the MAE', () => {
    const s = scoreForecast(p, y);
    expect(s.n).toBe(4);
    expect(s.ece).toBeCloseTo(expectedCalibrationError(p, y), 12);
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(() => logLoss([0.5], [1, 0])).toThrow(RangeError);
  });
});
