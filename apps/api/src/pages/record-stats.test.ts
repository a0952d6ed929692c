import type { SettledForecast } from './record-data';
import { versionRecord } from './record-stats';

const base = { versionId: 7, name: 'nba-winner', version: '1.0.0', isDemo: false };

test('scores on the games with a market line, beside the market; running log loss at the end of each day; calibration of every forecast', () => {
  const forecasts: SettledForecast[] = [
    { ...base, date: '2026-01-01', probability: 0.7, market: 0.6, homeWon: true },
    { ...base, date: '2026-01-01', probability: 0.4, market: 0.5, homeWon: false },
    { ...base, date: '2026-01-02', probability: 0.8, market: null, homeWon: false },
    { ...base, date: '2026-01-03', probability: 0.6, market: 0.55, homeWon: false },
  ];
  const r = versionRecord(forecasts);
  expect(r).toMatchObject({ settled: 4, compared: 3, firstDate: '2026-01-01', lastDate: '2026-01-03', isDemo: false });
  const ll = (p: number, won: boolean) => -Math.log(won ? p : 1 - p);
  expect(r.model.logLoss).toBeCloseTo((ll(0.7, true) + ll(0.4, false) + ll(0.6, false)) / 3, 12);
  expect(r.market!.logLoss).toBeCloseTo((ll(0.6, true) + ll(0.5, false) + ll(0.55, false)) / 3, 12);
  expect(r.model.accuracy).toBeCloseTo(2 / 3, 12);
  // the game without a line is in neither running mean; one point per day
  expect(r.running.map((p) => [p.date, p.games])).toEqual([
    ['2026-01-01', 2],
    ['2026-01-03', 3],
  ]);
  expect(r.running[0]!.model).toBeCloseTo((ll(0.7, true) + ll(0.4, false)) / 2, 12);
  expect(r.calibration.reduce((n, b) => n + b.n, 0)).toBe(4);
});

test('without any market line: the version on every settled game, no market figures', () => {
  const r = versionRecord([{ ...base, date: '2026-01-01', probability: 0.7, market: null, homeWon: true }]);
  expect(r.compared).toBe(0);
  expect(r.market).toBeNull();
  expect(r.running).toEqual([{ date: '2026-01-01', games: 1, model: -Math.log(0.7), market: null }]);
});
