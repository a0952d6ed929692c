import { seasonOutcome, simulateCounts, simulateSeason, summarize, mergeCounts, type SeasonState } from '../src';
import { gamesOf, noSeasons, realSeasons, scored } from './real-data';

const seasons = realSeasons();
const maybe = seasons ? describe : describe.skip;
const all = seasons ?? noSeasons();

/** The real season as it stood on the morning of `date`, future games priced from flat ratings. */
function stateOn(season: number, date: string, ratings: Record<string, number> = {}): SeasonState {
  const games = gamesOf(all, season).filter((g) => g.gameType === 'regular');
  return {
    season,
    played: scored(games.filter((g) => g.date < date)),
    remaining: games.filter((g) => g.date >= date).map((g) => ({ home: g.home, away: g.away })),
    ratings,
    homeCourtPts: 2.5,
  };
}

maybe('simulateSeason on real seasons', () => {
  it('with the regular season over, positions are certain and equal the recomputed standings', () => {
    const outlook = simulateSeason(stateOn(2023, '2023-04-10'), { simulations: 300 });
    const real = seasonOutcome(2023, gamesOf(all, 2023));
    for (const t of outlook.teams) {
      const r = real.teams.find((x) => x.team === t.team);
      expect([t.team, t.seed[(r?.position as number) - 1]]).toEqual([t.team, 1]);
      expect(t.winsMean).toBe(r?.wins);
      expect(t.playIn).toBe(r?.playIn ? 1 : 0);
      expect(t.playoffs).toBe((r?.position as number) <= 6 ? 1 : t.playoffs);
    }
  });

  it('probabilities add up: one title, two finalists, 16 playoff teams, 8 play-in teams, each position once per conference', () => {
    const outlook = simulateSeason(stateOn(2024, '2024-01-15', { BOS: 10, DEN: 6, DET: -9 }), {
      simulations: 2000,
      teamSdPts: 2,
    });
    const sum = (f: (t: (typeof outlook.teams)[number]) => number): number =>
      outlook.teams.reduce((s, t) => s + f(t), 0);
    expect(sum((t) => t.title)).toBeCloseTo(1, 10);
    expect(sum((t) => t.finals)).toBeCloseTo(2, 10);
    expect(sum((t) => t.confFinals)).toBeCloseTo(4, 10);
    expect(sum((t) => t.secondRound)).toBeCloseTo(8, 10);
    expect(sum((t) => t.playoffs)).toBeCloseTo(16, 10);
    expect(sum((t) => t.playIn)).toBeCloseTo(8, 10);
    for (let k = 0; k < 15; k++)
      expect(sum((t) => (t.conference === 'East' ? (t.seed[k] as number) : 0))).toBeCloseTo(1, 10);
    const bos = outlook.teams.find((t) => t.team === 'BOS');
    const det = outlook.teams.find((t) => t.team === 'DET');
    expect(bos?.title).toBeGreaterThan(0.2);
    expect(det?.playoffs).toBeLessThan(0.01);
    expect(bos?.winsP10).toBeLessThanOrEqual(bos?.winsMean as number);
    expect(bos?.winsP90).toBeGreaterThanOrEqual(bos?.winsMean as number);
  });

  it('deterministic for a seed; other seeds differ; batches merge to the same shape', () => {
    const state = stateOn(2016, '2016-02-01', { GSW: 11, SAS: 11, PHI: -10 });
    const a = simulateSeason(state, { simulations: 500, seed: 7, teamSdPts: 2 });
    const b = simulateSeason(state, { simulations: 500, seed: 7, teamSdPts: 2 });
    const c = simulateSeason(state, { simulations: 500, seed: 8, teamSdPts: 2 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const merged = simulateCounts(state, { simulations: 500, seed: 7 });
    mergeCounts(merged, simulateCounts(state, { simulations: 500, seed: 8 }));
    expect(merged.simulations).toBe(1000);
    expect(summarize(merged).reduce((s, t) => s + t.title, 0)).toBeCloseTo(1, 10);
  });

  it('the strength offsets widen the spread of final wins', () => {
    const state = stateOn(2019, '2018-10-16');
    const narrow = simulateSeason(state, { simulations: 2000, teamSdPts: 0 }).teams.find((t) => t.team === 'BOS');
    const wide = simulateSeason(state, { simulations: 2000, teamSdPts: 4 }).teams.find((t) => t.team === 'BOS');
    const spread = (t: typeof narrow): number => (t?.winsP90 as number) - (t?.winsP10 as number);
    expect(spread(wide)).toBeGreaterThan(spread(narrow) + 4);
  });
});

describe('simulateSeason input errors', () => {
  const base: SeasonState = {
    season: 2024,
    played: [],
    remaining: [{ home: 'BOS', away: 'NYK' }],
    ratings: {},
    homeCourtPts: 2.5,
  };
  it('names the field and the value', () => {
    expect(() => simulateSeason({ ...base, remaining: [{ home: 'XXX', away: 'NYK' }] })).toThrow(
      "unknown remaining[0].home 'XXX'",
    );
    expect(() => simulateSeason({ ...base, remaining: [{ home: 'BOS', away: 'NYK', homeWinProb: 1.2 }] })).toThrow(
      'invalid remaining[0].homeWinProb 1.2',
    );
    expect(() =>
      simulateSeason({ ...base, played: [{ home: 'BOS', away: 'NYK', homePts: 100, awayPts: 100 }] }),
    ).toThrow('tied score 100-100');
    expect(() => simulateSeason(base, { simulations: 0 })).toThrow('invalid simulations 0');
    expect(() => simulateSeason({ ...base, ratings: { BOS: Number.NaN } })).toThrow('invalid ratings.BOS NaN');
  });
});

maybe('simulateSeason during the postseason', () => {
  const season2023 = () => scored(gamesOf(all, 2023));
  const stateDuring = (date: string): SeasonState => {
    const games = season2023();
    return {
      ...stateOn(2023, '2023-04-10', { DEN: 5, MIA: 1 }),
      postseason: games
        .filter((g) => (g.gameType === 'playin' || g.gameType === 'playoffs') && g.date < date)
        .map((g) => ({
          home: g.home,
          away: g.away,
          homePts: g.homePts,
          awayPts: g.awayPts,
          gameType: g.gameType as 'playin' | 'playoffs',
        })),
    };
  };

  it('keeps the play-in and series played: before the Finals only DEN and MIA can win; after them DEN has', () => {
    const before = simulateSeason(stateDuring('2023-06-01'), { simulations: 500 });
    const finalists = before.teams.filter((t) => t.finals > 0).map((t) => [t.team, t.finals]);
    expect(finalists.sort()).toEqual([
      ['DEN', 1],
      ['MIA', 1],
    ]);
    expect(before.teams.find((t) => t.team === 'DEN')?.title).toBeGreaterThan(0.5);
    expect(before.teams.find((t) => t.team === 'DEN')?.title).toBeLessThan(1);
    expect(before.teams.find((t) => t.team === 'MIA')?.seed[6]).toBe(1); // 7th before the play-in
    const after = simulateSeason(stateDuring('2023-06-13'), { simulations: 50 });
    expect(after.teams.find((t) => t.team === 'DEN')?.title).toBe(1);
  });

  it('a series under way continues from its score (DEN led MIA 3-1 before game 5)', () => {
    const outlook = simulateSeason(stateDuring('2023-06-12'), { simulations: 2000 });
    const den = outlook.teams.find((t) => t.team === 'DEN')?.title as number;
    expect(den).toBeGreaterThan(0.85);
    expect(den).toBeLessThan(1);
  });
});
