import { seasonOutcome, type SeasonOutcome } from '../src';
import { gamesOf, noSeasons, realSeasons } from './real-data';

const seasons = realSeasons();
const maybe = seasons ? describe : describe.skip;

const CHAMPIONS: Record<number, string> = {
  2008: 'BOS',
  2009: 'LAL',
  2010: 'LAL',
  2011: 'DAL',
  2012: 'MIA',
  2013: 'MIA',
  2014: 'SAS',
  2015: 'GSW',
  2016: 'CLE',
  2017: 'GSW',
  2018: 'GSW',
  2019: 'TOR',
  2020: 'LAL',
  2021: 'MIL',
  2022: 'GSW',
  2023: 'DEN',
  2024: 'BOS',
};

/** Playoff teams by final seed (after the play-in), East then West. */
function seeds(o: SeasonOutcome, conference: 'East' | 'West'): string[] {
  return o.teams
    .filter((t) => t.conference === conference && t.seed !== null)
    .sort((a, b) => (a.seed as number) - (b.seed as number))
    .map((t) => t.team);
}

maybe('outcomes derived from the real games', () => {
  const all = seasons ?? noSeasons();
  const outcome = (s: number): SeasonOutcome => seasonOutcome(s, gamesOf(all, s));

  it('the champion of every season 2007-08 to 2023-24', () => {
    const found = Object.fromEntries(Object.keys(CHAMPIONS).map((s) => [s, outcome(Number(s)).champion]));
    expect(found).toEqual(CHAMPIONS);
  });

  it('2014-15: a division winner (POR) seeded 4th with a worse record than the 5th (MEM)', () => {
    const o = outcome(2015);
    expect(seeds(o, 'East')).toEqual(['ATL', 'CLE', 'CHI', 'TOR', 'WAS', 'MIL', 'BOS', 'BKN']);
    expect(seeds(o, 'West')).toEqual(['GSW', 'HOU', 'LAC', 'POR', 'MEM', 'SAS', 'DAL', 'NOP']);
    const por = o.teams.find((t) => t.team === 'POR');
    const mem = o.teams.find((t) => t.team === 'MEM');
    expect([por?.wins, mem?.wins]).toEqual([51, 55]);
  });

  it('2015-16 seeds by record, with the three-way tie of CHA, MIA, ATL and BOS at 48-34', () => {
    const o = outcome(2016);
    expect(seeds(o, 'East')).toEqual(['CLE', 'TOR', 'MIA', 'ATL', 'BOS', 'CHA', 'IND', 'DET']);
    expect(seeds(o, 'West')).toEqual(['GSW', 'SAS', 'OKC', 'LAC', 'POR', 'DAL', 'MEM', 'HOU']);
  });

  it('2022-23: the play-in (ATL 7th, MIA 8th from positions 8 and 7; MIN 8th), and MIA reaching the Finals as 8th seed', () => {
    const o = outcome(2023);
    expect(seeds(o, 'East')).toEqual(['MIL', 'BOS', 'PHI', 'CLE', 'NYK', 'BKN', 'ATL', 'MIA']);
    expect(seeds(o, 'West')).toEqual(['DEN', 'MEM', 'SAC', 'PHX', 'LAC', 'GSW', 'LAL', 'MIN']);
    const playIn = o.teams.filter((t) => t.playIn).map((t) => `${t.team}:${t.position}`);
    expect(playIn.sort()).toEqual(['ATL:8', 'CHI:10', 'LAL:7', 'MIA:7', 'MIN:8', 'NOP:9', 'OKC:10', 'TOR:9']);
    const won = Object.fromEntries(o.teams.filter((t) => t.seriesWon > 0).map((t) => [t.team, t.seriesWon]));
    expect(won).toEqual({ DEN: 4, MIA: 3, LAL: 2, BOS: 2, NYK: 1, PHX: 1, GSW: 1, PHI: 1 });
  });

  it('2019-20: the restart play-in (POR 8th over MEM, within four games; none in the East)', () => {
    const o = outcome(2020);
    expect(o.teams.filter((t) => t.playIn).map((t) => t.team)).toEqual(['MEM', 'POR']);
    expect(seeds(o, 'West')[7]).toBe('POR');
    expect(seeds(o, 'East')[7]).toBe('ORL');
  });

  it('rounds: 15 series a season, 8 in round 1, one Finals', () => {
    for (const s of Object.keys(CHAMPIONS).map(Number)) {
      const series = outcome(s).series;
      expect([
        s,
        series.length,
        series.filter((x) => x.round === 1).length,
        series.filter((x) => x.round === 4).length,
      ]).toEqual([s, 15, 8, 1]);
    }
  });
});
