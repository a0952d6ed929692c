import { retrainCutoff } from './walk-forward';

test('a day is forecast by the model of its retrain window, counted from the season start', () => {
  expect(retrainCutoff('2023-10-24', '2023-10-24')).toBe('2023-10-24');
  expect(retrainCutoff('2023-10-30', '2023-10-24')).toBe('2023-10-24');
  expect(retrainCutoff('2023-10-31', '2023-10-24')).toBe('2023-10-31');
  // across a month end and a daylight-saving change, in whole days
  expect(retrainCutoff('2023-11-07', '2023-10-24')).toBe('2023-11-07');
  expect(retrainCutoff('2024-03-18', '2023-10-24', 14)).toBe('2024-03-12');
  expect(retrainCutoff('2023-10-26', '2023-10-24', 1)).toBe('2023-10-26');
});

test('a cadence that is not a whole number of days, or a day before the season, is refused', () => {
  expect(() => retrainCutoff('2023-11-01', '2023-10-24', 0)).toThrow(
    /retrain cadence must be a whole number of days >= 1, got 0/,
  );
  expect(() => retrainCutoff('2023-11-01', '2023-10-24', 2.5)).toThrow(/got 2.5/);
  expect(() => retrainCutoff('2023-10-01', '2023-10-24')).toThrow(
    /2023-10-01 is before its season's first game day 2023-10-24/,
  );
});
