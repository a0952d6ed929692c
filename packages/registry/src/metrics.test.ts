import { scoreForecasts } from './compare';
import { metricRows, normalizeMetrics } from './metrics';

describe('metrics', () => {
  test('flat metrics go to validation, nested ones are datasets', () => {
    const m = normalizeMetrics({ logLoss: 0.6, brier: 0.2, 'backtest-2024': { logLoss: 0.62 } }, 'w');
    expect(m).toEqual({ validation: { logLoss: 0.6, brier: 0.2 }, 'backtest-2024': { logLoss: 0.62 } });
    expect(metricRows(m)).toEqual([
      { dataset: 'validation', name: 'logLoss', value: 0.6 },
      { dataset: 'validation', name: 'brier', value: 0.2 },
      { dataset: 'backtest-2024', name: 'logLoss', value: 0.62 },
    ]);
    expect(normalizeMetrics(undefined, 'w')).toEqual({});
  });
  test('non-numbers are refused with the metric named', () => {
    expect(() => normalizeMetrics({ logLoss: 'low' as never }, 'w')).toThrow(/w: metric validation\.logLoss must be a finite number/);
    expect(() => normalizeMetrics({ live: { brier: Number.NaN } }, 'w')).toThrow(/live\.brier/);
  });
  test('scoreForecasts: log loss, Brier and accuracy by hand', () => {
    const s = scoreForecasts([
      { p: 0.8, won: true },
      { p: 0.4, won: false },
      { p: 0.3, won: true },
    ]);
    expect(s.logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6) + Math.log(0.3)) / 3, 12);
    expect(s.brier).toBeCloseTo((0.04 + 0.16 + 0.49) / 3, 12);
    expect(s.accuracy).toBeCloseTo(2 / 3, 12);
  });
});
