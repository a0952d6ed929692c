import fs from 'node:fs';
import path from 'node:path';
import { parseGamesCsv, parseOddsCsv } from '@nba/games';
import { sharedDataDir } from '@nba/testing';
import { backtestSeasonOutlook, outlookState, fitRatings, type LinedGame } from '../src';

const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;

function history(): LinedGame[] {
  if (!dir) return [];
  const lines = parseOddsCsv(fs.readFileSync(path.join(dir, 'odds.csv'), 'utf8'));
  return parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8'))
    .filter((g) => g.season >= 2015 && g.season <= 2016)
    .map((g) => ({
      ...g,
      ...(lines.get(g.id)?.spreadHome !== undefined ? { spreadHome: lines.get(g.id)?.spreadHome } : {}),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

maybe('outlook backtest on 2015-16', () => {
  const games = history();

  it('the market ratings on 2016-03-01 put GSW and SAS on top and PHI last', () => {
    const fit = fitRatings(games, '2016-03-01', 2016);
    const order = Object.entries(fit.ratings).sort((a, b) => b[1] - a[1]);
    expect(
      order
        .slice(0, 2)
        .map((e) => e[0])
        .sort(),
    ).toEqual(['GSW', 'SAS']);
    expect(order[29]?.[0]).toBe('PHI');
    expect(fit.homeCourtPts).toBeGreaterThan(1.5);
    expect(fit.homeCourtPts).toBeLessThan(4);
  });

  it('the morning state: games before it played, later ones priced; nothing after it is read', () => {
    const fit = fitRatings(games, '2016-03-01', 2016);
    const state = outlookState(2016, games, '2016-03-01', fit);
    expect(state.played.length + state.remaining.length).toBe(1230);
    const altered = games.map((g) => (g.date >= '2016-03-01' ? { ...g, homePts: 0, awayPts: 1, spreadHome: 40 } : g));
    const days = backtestSeasonOutlook(2016, games, { every: 60, simulations: 200, teamSdPts: 2 });
    const daysAltered = backtestSeasonOutlook(2016, altered, { every: 60, simulations: 200, teamSdPts: 2 });
    // mornings before 2016-03-01 cannot see the altered games
    const before = days.filter((d) => d.date < '2016-03-01');
    expect(before.length).toBeGreaterThan(1);
    expect(daysAltered.slice(0, before.length)).toEqual(before);
  });

  it('every 30 days: probabilities in [0, 1], the playoff picture sharpening toward April', () => {
    const days = backtestSeasonOutlook(2016, games, { every: 30, simulations: 400, teamSdPts: 2 });
    expect(days.map((d) => d.date)).toEqual([
      '2015-10-27',
      '2015-11-26',
      '2015-12-26',
      '2016-01-25',
      '2016-02-24',
      '2016-03-25',
    ]);
    for (const d of days)
      for (const t of d.teams)
        for (const p of [t.playoffs, t.playIn, t.title, ...t.seed]) expect(p >= 0 && p <= 1).toBe(true);
    const gsw = days.map((d) => d.teams.find((t) => t.team === 'GSW')?.playoffs as number);
    expect(gsw[gsw.length - 1]).toBe(1);
    const uncertain = (i: number): number =>
      (days[i]?.teams ?? []).filter((t) => t.playoffs > 0.05 && t.playoffs < 0.95).length;
    expect(uncertain(5)).toBeLessThan(uncertain(0));
  });

  it('refuses a bad step with a one-line message', () => {
    expect(() => backtestSeasonOutlook(2016, games, { every: 0 })).toThrow(
      'invalid every 0: expected a whole number of days, at least 1',
    );
  });
});
