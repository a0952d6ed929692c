import { TEAMS } from '@nba/config';
import { required } from '@nba/errors';
import { generateLeague, leagueAsOf } from './generate-league';
import type { LeagueGame } from './league-game';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** A generated game's score and closing line: every game of a generated season is final and priced. */
function played(g: LeagueGame) {
  const line = required(g.line, `the line of ${g.gameKey}`);
  return {
    margin: required(g.homeScore, `the home score of ${g.gameKey}`) - required(g.awayScore, `the away score of ${g.gameKey}`),
    total: required(g.homeScore, `the home score of ${g.gameKey}`) + required(g.awayScore, `the away score of ${g.gameKey}`),
    spreadHome: required(line.spreadHome, `the spread of ${g.gameKey}`),
    homeMl: required(line.homeMl, `the home moneyline of ${g.gameKey}`),
    awayMl: required(line.awayMl, `the away moneyline of ${g.gameKey}`),
  };
}

describe('generateLeague', () => {
  const league = generateLeague({ season: 2025, seed: 42 });

  it('is reproducible from its seed and differs across seeds', () => {
    const again = generateLeague({ season: 2025, seed: 42 });
    expect(again.games).toEqual(league.games);
    expect(generateLeague({ season: 2025, seed: 43 }).games.map((g) => g.homeScore)).not.toEqual(league.games.map((g) => g.homeScore));
  });

  it('schedules 82 games per team, about 41 at home, October to April, never twice a day', () => {
    expect(league.games).toHaveLength(1230);
    for (const t of TEAMS) {
      const mine = league.games.filter((g) => g.homeCode === t.code || g.awayCode === t.code);
      expect(mine).toHaveLength(82);
      const home = mine.filter((g) => g.homeCode === t.code).length;
      expect(home).toBeGreaterThanOrEqual(39);
      expect(home).toBeLessThanOrEqual(43);
      expect(new Set(mine.map((g) => g.date)).size).toBe(82);
    }
    const dates = league.games.map((g) => g.date).sort();
    expect(dates[0]).toBe('2024-10-22');
    const last = required(dates.at(-1), 'the last date');
    expect(last >= '2025-04-01' && last <= '2025-04-30').toBe(true);
    expect(new Set(league.games.map((g) => g.gameKey)).size).toBe(1230);
    expect(new Set(league.games.map((g) => g.apiBasketballId)).size).toBe(1230);
  });

  it('draws realistic scores: home edge ~2.5, margin sd ~12-14, totals ~225, no ties', () => {
    const margins = league.games.map((g) => played(g).margin);
    const totals = league.games.map((g) => played(g).total);
    expect(margins.every((m) => m !== 0)).toBe(true);
    expect(mean(margins)).toBeGreaterThan(1);
    expect(mean(margins)).toBeLessThan(4.5);
    expect(sd(margins)).toBeGreaterThan(11);
    expect(sd(margins)).toBeLessThan(16);
    expect(mean(totals)).toBeGreaterThan(218);
    expect(mean(totals)).toBeLessThan(232);
  });

  it('prices closing lines that track results: favourites win about two thirds, moneylines agree with the spread', () => {
    const lines = league.games.map(played);
    const favWins = lines.filter((l) => l.spreadHome !== 0 && l.spreadHome < 0 === l.margin > 0).length;
    const decided = lines.filter((l) => l.spreadHome !== 0).length;
    expect(favWins / decided).toBeGreaterThan(0.6);
    expect(favWins / decided).toBeLessThan(0.75);
    for (const l of lines) {
      if (l.spreadHome < -1) expect(l.homeMl).toBeLessThan(l.awayMl);
      expect(Math.abs(l.homeMl)).toBeGreaterThanOrEqual(100);
      // Vig: implied probabilities sum above 1.
      const implied = (ml: number) => (ml < 0 ? -ml / (-ml + 100) : 100 / (ml + 100));
      expect(implied(l.homeMl) + implied(l.awayMl)).toBeGreaterThan(1.0);
    }
    // Spread errors vs actual margin have sd about 12: the market is informative but not clairvoyant.
    const errors = lines.map((l) => l.margin + l.spreadHome);
    expect(sd(errors)).toBeGreaterThan(10.5);
    expect(sd(errors)).toBeLessThan(13.5);
  });

  it('strengths drift during the season', () => {
    const moves = Object.values(league.strengths).map((s) => Math.abs(s.end - s.start));
    expect(mean(moves)).toBeGreaterThan(0.5);
  });

  it('leagueAsOf hides results from "today" on', () => {
    const asOf = leagueAsOf(league, '2025-01-15');
    expect(asOf.filter((g) => g.date < '2025-01-15').every((g) => g.status === 'final' && g.homeScore !== null)).toBe(true);
    expect(asOf.filter((g) => g.date >= '2025-01-15').every((g) => g.status === 'scheduled' && g.homeScore === null)).toBe(true);
  });
});
