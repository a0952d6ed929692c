import { seasonRules } from './rules';

describe('seasonRules', () => {
  it('games per team: 82, 66 in 2011-12, 72 in 2020-21, varying in 2019-20', () => {
    expect(seasonRules(2008).gamesPerTeam).toBe(82);
    expect(seasonRules(2012).gamesPerTeam).toBe(66);
    expect(seasonRules(2020).gamesPerTeam).toBeNull();
    expect(seasonRules(2021).gamesPerTeam).toBe(72);
    expect(seasonRules(2030).gamesPerTeam).toBe(82);
  });
  it('division winners guaranteed a top-4 seed through 2014-15 only', () => {
    expect(seasonRules(2015).divisionWinnerTopFour).toBe(true);
    expect(seasonRules(2016).divisionWinnerTopFour).toBe(false);
  });
  it('play-in: none before 2020, the restart in 2020, the tournament from 2021', () => {
    expect(seasonRules(2019).playIn).toBe('none');
    expect(seasonRules(2020).playIn).toBe('restart');
    expect(seasonRules(2020).playInMaxGamesBehind).toBe(4);
    expect(seasonRules(2021).playIn).toBe('tournament');
    expect(seasonRules(2021).playoffEligible).toBe(10);
  });
  it('best of seven, 2-2-1-1-1', () => {
    const r = seasonRules(2024);
    expect(r.seriesGames).toBe(7);
    expect(r.seriesHomePattern).toEqual([true, true, false, false, true, false, true]);
  });
  it('refuses a season outside the data era with a message naming it', () => {
    expect(() => seasonRules(2007)).toThrow('invalid season 2007: expected the year the season ends, 2008 or later');
    expect(() => seasonRules(2024.5)).toThrow('invalid season 2024.5');
  });
});
