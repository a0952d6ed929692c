import { LEAGUE } from './league';
import { solveSpd } from './linear-solve';
import { backToBacks, fitRatings, type LinedGame } from './rating-model';

describe('solveSpd', () => {
  it('solves a small symmetric positive definite system', () => {
    const x = solveSpd(new Float64Array([4, 2, 2, 3]), new Float64Array([10, 8]), 2);
    expect(x[0]).toBeCloseTo(1.75, 12);
    expect(x[1]).toBeCloseTo(1.5, 12);
  });
});

/** A round robin twice over (home and away) on consecutive days of December 2023, lines exactly as the ratings say. */
function roundRobin(truth: (code: string) => number, hca: number): LinedGame[] {
  const games: LinedGame[] = [];
  let day = 0;
  for (const h of LEAGUE.codes)
    for (const a of LEAGUE.codes) {
      if (h === a) continue;
      const date = `2023-12-${String(1 + (day++ % 28)).padStart(2, '0')}`;
      const margin = truth(h) - truth(a) + hca;
      games.push({
        season: 2024,
        date,
        home: h,
        away: a,
        gameType: 'regular',
        spreadHome: -margin,
        homePts: 100 + Math.round(margin),
        awayPts: 100,
      });
    }
  return games.sort((x, y) => (x.date < y.date ? -1 : 1));
}

describe('fitRatings', () => {
  const truth = (code: string): number => (LEAGUE.index.get(code) as number) - 14.5;
  const games = roundRobin(truth, 3);

  it('recovers the ratings and home court a consistent market implies', () => {
    const fit = fitRatings(games, '2024-01-01', 2024, {
      decayDays: 1e6,
      resultWeight: 0,
      ridge: 0.01,
      previousSeasonWeight: 1,
      marginCapPts: 20,
    });
    for (const c of LEAGUE.codes) expect(fit.ratings[c]).toBeCloseTo(truth(c), 1);
    expect(fit.homeCourtPts).toBeCloseTo(3, 1);
  });

  it('uses only games before the morning: later scores and lines change nothing', () => {
    const cut = '2023-12-15';
    const altered = games.map((g) => (g.date >= cut ? { ...g, homePts: 50, awayPts: 150, spreadHome: 30 } : g));
    expect(fitRatings(altered, cut, 2024)).toEqual(fitRatings(games, cut, 2024));
    expect(fitRatings(games.slice(0, 10), cut, 2024)).not.toEqual(fitRatings(games, cut, 2024));
  });

  it('a ridge pulls ratings toward average; with no games at all every rating is 0', () => {
    const strong = fitRatings(games, '2024-01-01', 2024, {
      decayDays: 1e6,
      resultWeight: 0,
      ridge: 400,
      previousSeasonWeight: 1,
      marginCapPts: 20,
    });
    expect(Math.abs(strong.ratings['WAS'] as number)).toBeLessThan(Math.abs(truth('WAS')) * 0.8);
    const none = fitRatings([], '2024-01-01', 2024);
    expect(Object.values(none.ratings).every((r) => r === 0)).toBe(true);
    expect(none.homeCourtPts).toBeCloseTo(2.5, 10);
  });
});

describe('backToBacks', () => {
  it('flags a team that played the day before', () => {
    const g = (date: string, home: string, away: string): LinedGame => ({
      season: 2024,
      date,
      home,
      away,
      gameType: 'regular',
    });
    expect(
      backToBacks([g('2024-01-01', 'BOS', 'NYK'), g('2024-01-02', 'MIA', 'BOS'), g('2024-01-04', 'NYK', 'MIA')]),
    ).toEqual([
      { home: false, away: false },
      { home: false, away: true },
      { home: false, away: false },
    ]);
  });
});
