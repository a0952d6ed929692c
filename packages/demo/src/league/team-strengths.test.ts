import { TEAMS } from '@nba/config';
import { FIRST_LEAGUE_SEASON, SEASON_DAYS, seasonStrengths, STRENGTH_PROCESS } from './team-strengths';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const corr = (a: number[], b: number[]) =>
  mean(a.map((x, i) => (x - mean(a)) * ((b[i] as number) - mean(b)))) / (sd(a) * sd(b));
const onDay = (s: ReturnType<typeof seasonStrengths>, day: number) => TEAMS.map((t) => s.on(t.code, day));

describe('seasonStrengths', () => {
  const before = seasonStrengths(11, 2024);
  const season = seasonStrengths(11, 2025);

  it('keeps the league balanced: every day the strengths average 0 with the process sd', () => {
    for (const day of [0, 60, SEASON_DAYS - 1]) {
      expect(Math.abs(mean(onDay(season, day)))).toBeLessThan(1e-9);
      expect(sd(onDay(season, day))).toBeCloseTo(STRENGTH_PROCESS.sd, 9);
    }
  });

  it('drifts through a season: opening day and the last day agree only in part', () => {
    const r = corr(onDay(season, 0), onDay(season, SEASON_DAYS - 1));
    expect(r).toBeGreaterThan(0.4);
    expect(r).toBeLessThan(0.9);
    // days after the last keep its strengths
    expect(season.on('BOS', SEASON_DAYS + 30)).toBe(season.on('BOS', SEASON_DAYS - 1));
  });

  it("starts a season from where the league's previous season ended, moved by the off-season", () => {
    const r = corr(onDay(before, SEASON_DAYS - 1), onDay(season, 0));
    expect(r).toBeGreaterThan(0.7);
    expect(r).toBeLessThan(0.99);
    // asked for in any order, a season is the same; another league is another history
    expect(onDay(seasonStrengths(11, 2025), 0)).toEqual(onDay(season, 0));
    expect(onDay(seasonStrengths(12, 2025), 0)).not.toEqual(onDay(season, 0));
  });

  it('refuses a season before the first one and an unknown team, naming them', () => {
    expect(() => seasonStrengths(11, FIRST_LEAGUE_SEASON - 1)).toThrow(`got ${FIRST_LEAGUE_SEASON - 1}`);
    expect(() => season.on('XYZ', 0)).toThrow('XYZ');
  });
});
