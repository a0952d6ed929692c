import { TEAMS } from '@nba/config';
import { required } from '@nba/errors';
import { marketProbability } from '@nba/features';
import { generateLeague, leagueAsOf } from './generate-league';
import { closingLineOf } from './league-records';
import type { LeagueGame } from './league-game';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const corr = (a: number[], b: number[]) =>
  mean(a.map((x, i) => (x - mean(a)) * ((b[i] as number) - mean(b)))) / (sd(a) * sd(b));
const logLoss = (p: number[], y: number[]) => -mean(p.map((q, i) => (y[i] === 1 ? Math.log(q) : Math.log(1 - q))));

/** Each team's net rating over a season: its average margin per game. */
function netRatings(games: readonly LeagueGame[]): number[] {
  return TEAMS.map((t) =>
    mean(
      games.flatMap((g) =>
        g.homeCode === t.code ? [played(g).margin] : g.awayCode === t.code ? [-played(g).margin] : [],
      ),
    ),
  );
}

/** A generated game's score and closing line: every game of a generated season is final and priced. */
function played(g: LeagueGame) {
  const line = required(g.line, `the line of ${g.gameKey}`);
  return {
    margin:
      required(g.homeScore, `the home score of ${g.gameKey}`) - required(g.awayScore, `the away score of ${g.gameKey}`),
    total:
      required(g.homeScore, `the home score of ${g.gameKey}`) + required(g.awayScore, `the away score of ${g.gameKey}`),
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
    expect(generateLeague({ season: 2025, seed: 43 }).games.map((g) => g.homeScore)).not.toEqual(
      league.games.map((g) => g.homeScore),
    );
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

  it('keeps a league from season to season as real seasons do (2009-2024: spreads sd 6.1-7.5, closing-line log loss 0.56-0.62, last season predicting this one r 0.34-0.82)', () => {
    const seasons = [2022, 2023, 2024, 2025].map((season) => generateLeague({ season, seed: 500 + season }).games);
    for (const games of seasons) {
      const lines = games.map(played);
      expect(sd(lines.map((l) => l.spreadHome))).toBeGreaterThan(5.8);
      expect(sd(lines.map((l) => l.spreadHome))).toBeLessThan(7.6);
      const homeWins = lines.map((l) => (l.margin > 0 ? 1 : 0));
      expect(mean(homeWins)).toBeGreaterThan(0.53);
      expect(mean(homeWins)).toBeLessThan(0.62);
      const market = logLoss(
        games.map((g) => marketProbability(closingLineOf(g))),
        homeWins,
      );
      expect(market).toBeGreaterThan(0.57);
      expect(market).toBeLessThan(0.635);
    }
    for (let i = 1; i < seasons.length; i++) {
      const r = corr(netRatings(required(seasons[i - 1], 'a season')), netRatings(required(seasons[i], 'a season')));
      expect(r).toBeGreaterThan(0.3);
      expect(r).toBeLessThan(0.9);
    }
  });

  it('takes the league from leagueSeed: same opening strengths, other games', () => {
    const same = generateLeague({ season: 2025, seed: 99, leagueSeed: 42 - 2025 });
    const opening = (l: typeof league) =>
      TEAMS.map((t) => required(l.strengths[t.code], `the strengths of ${t.code}`).start);
    expect(opening(same)).toEqual(opening(league));
    expect(same.games.map((g) => g.homeScore)).not.toEqual(league.games.map((g) => g.homeScore));
  });

  it('strengths drift during the season', () => {
    const moves = Object.values(league.strengths).map((s) => Math.abs(s.end - s.start));
    expect(mean(moves)).toBeGreaterThan(0.5);
  });

  it('leagueAsOf hides results from "today" on', () => {
    const asOf = leagueAsOf(league, '2025-01-15');
    expect(asOf.filter((g) => g.date < '2025-01-15').every((g) => g.status === 'final' && g.homeScore !== null)).toBe(
      true,
    );
    expect(
      asOf.filter((g) => g.date >= '2025-01-15').every((g) => g.status === 'scheduled' && g.homeScore === null),
    ).toBe(true);
  });
});
