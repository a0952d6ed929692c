import type { FeatureSnapshot } from './feature-store';
import { ForecastCache } from './forecast-cache';
import type { LoadedModel } from './loaded-model';

const m1 = { id: 1 } as LoadedModel;
const m2 = { id: 2 } as LoadedModel;
const s1 = { asOf: '2024-01-01' } as FeatureSnapshot;
const s2 = { asOf: '2024-01-02' } as FeatureSnapshot;

test('hits under the same model and snapshot, evicts least recently used first', () => {
  const c = new ForecastCache(2);
  c.set(m1, s1, 'a', '{"a":1}');
  c.set(m1, s1, 'b', '{"b":1}');
  expect(c.get(m1, s1, 'a')).toBe('{"a":1}');
  c.set(m1, s1, 'c', '{"c":1}');
  expect(c.get(m1, s1, 'b')).toBeUndefined();
  expect(c.get(m1, s1, 'a')).toBe('{"a":1}');
  expect(c.get(m1, s1, 'c')).toBe('{"c":1}');
  expect([c.hits, c.misses]).toEqual([3, 1]);
});

test('a new model or a new feature snapshot empties it', () => {
  const c = new ForecastCache(10);
  c.set(m1, s1, 'a', 'x');
  expect(c.get(m2, s1, 'a')).toBeUndefined();
  c.set(m2, s1, 'a', 'y');
  expect(c.get(m2, s2, 'a')).toBeUndefined();
  expect(c.size).toBe(0);
});

test('capacity 0 disables it', () => {
  const c = new ForecastCache(0);
  c.set(m1, s1, 'a', 'x');
  expect(c.get(m1, s1, 'a')).toBeUndefined();
});
