// The demo shows the models as they are: on the generated league `start` serves, the stats-only
// model trained walk-forward as the daily job does (every earlier season, then scored on the
// evaluation season it never saw) trails the market by about as much as on real seasons, and the
// market itself is about as good as a real closing line. Real 2009-2024 seasons, trained on the two
// seasons before as the demo is: stats-minus-market log loss 0.009-0.029 per season (0.020 over
// 2016-2024 with all history); closing-line log loss 0.56-0.62 per season (0.601 over 2016-2024).
import { closingLineOf, gameRecordOf } from '@nba/demo';
import type { ClosingLine } from '@nba/games';
import { evaluationSeason, historyDataset, holdoutScores } from '@nba/modeling';
import { required } from '@nba/errors';
import { demoDate, demoLeague } from '../src';

/** The demo league `start` serves when run on `today`, and the stats model's walk-forward scores on its evaluation season. */
function demoHoldout(today: string) {
  const asOfToday = demoLeague(today).games;
  const date = demoDate(asOfToday, today);
  const league = date === today ? asOfToday : demoLeague(date).games;
  const lines = new Map<string, ClosingLine>();
  for (const g of league) {
    const line = closingLineOf(g);
    if (line) lines.set(g.gameKey, line);
  }
  const ds = historyDataset(league.map(gameRecordOf), lines);
  const season = required(evaluationSeason(ds), `an evaluation season on ${date}`);
  return { season, scores: holdoutScores(ds, 'stats', season) };
}

function expectRealistic(scores: ReturnType<typeof demoHoldout>['scores'], games: number): void {
  const lined = required(scores.lined, 'the games with a line');
  expect(lined.n).toBeGreaterThanOrEqual(games);
  expect(lined.market).toBeGreaterThan(0.57);
  expect(lined.market).toBeLessThan(0.635);
  const gap = lined.logLoss - lined.market;
  expect(gap).toBeGreaterThan(0.005);
  expect(gap).toBeLessThan(0.035);
}

describe('the demo league against the stats model', () => {
  it.each([
    ['2026-05-01', 2026],
    ['2027-05-01', 2027],
  ])('on %s: the whole %i season, the stats model within 0.035 of a realistic market', (today, expected) => {
    const { season, scores } = demoHoldout(today);
    expect(season).toBe(expected);
    expectRealistic(scores, 1200);
  });

  // The first six weeks are the hardest for a stats model: it knows only how the teams ended last
  // season. Real seasons, games to December 1, trained on the two seasons before: 0.013-0.035.
  it.each([
    ['2025-12-02', 2026],
    ['2026-12-02', 2027],
  ])(
    'on %s: the first weeks of the %i season, the stats model within 0.035 of a realistic market',
    (today, expected) => {
      const { season, scores } = demoHoldout(today);
      expect(season).toBe(expected);
      expectRealistic(scores, 300);
    },
  );
});
