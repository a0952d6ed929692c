import { easternTime, fixed, longDay, marginText, percent, signed, spreadText } from './format';

test('numbers: percentages, signs with a real minus, dashes for missing values', () => {
  expect(percent(0.63124)).toBe('63.1%');
  expect(percent(null)).toBe('—');
  expect(signed(1.46)).toBe('+1.5');
  expect(signed(-0.04)).toBe('0.0');
  expect(signed(-2.5)).toBe('−2.5');
  expect(fixed(-3)).toBe('−3.0');
  expect(fixed(undefined)).toBe('—');
});

test('the line and the expected margin name the side they favour', () => {
  expect(spreadText(-4.5, 'BOS', 'LAL')).toBe('BOS\u00a0−4.5');
  expect(spreadText(3, 'BOS', 'LAL')).toBe('LAL\u00a0−3.0');
  expect(spreadText(0, 'BOS', 'LAL')).toBe("pick'em");
  expect(marginText(4.84, 'BOS', 'LAL')).toBe('BOS by\u00a04.8');
  expect(marginText(-2.1, 'BOS', 'LAL')).toBe('LAL by\u00a02.1');
  expect(marginText(0.01, 'BOS', 'LAL')).toBe('even');
});

test('times in US Eastern (a 7:30 pm tip-off is 00:30 UTC the next day), days in words', () => {
  expect(easternTime(new Date('2026-01-16T00:30:00Z'))).toBe('7:30 PM ET');
  expect(easternTime(new Date('2026-07-01T23:00:00Z'))).toBe('7:00 PM ET');
  expect(longDay('2026-01-15')).toBe('Thursday, January 15, 2026');
});
