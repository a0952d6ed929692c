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
    expect(() => normalizeMetrics({ logLoss: 'low' as never }, 'w')).toThrow(
      /w: metric validation\.logLoss must be a finite number/,
    );
    expect(() => normalizeMetrics({ live: { brier: Number.NaN } }, 'w')).toThrow(/live\.brier/);
  });
});
