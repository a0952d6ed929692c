import { required } from '@nba/errors';
import { evenlySpaced } from './record-stats';

test('evenlySpaced keeps at most max items in order, the first and the last always', () => {
  const days = Array.from({ length: 170 }, (_, i) => i);
  const shown = evenlySpaced(days, 60);
  expect(shown).toHaveLength(60);
  expect(shown[0]).toBe(0);
  expect(shown.at(-1)).toBe(169);
  expect(shown.slice(1).every((d, i) => d > required(shown[i], 'the item before'))).toBe(true);
  expect(evenlySpaced([1, 2, 3], 60)).toEqual([1, 2, 3]);
});
