import { eloCarryOver, eloShift } from './elo';
import { featureIndex, type FeatureName } from './feature-spec';
import { buildFeatures } from './build-features';
import { ARENAS, haversineKm } from './teams';
import type { GameRecord } from '@nba/games';
import { required } from '@nba/errors';

let n = 0;
function game(
  date: string,
  home: string,
  away: string,
  homePts?: number,
  awayPts?: number,
  extra: Partial<GameRecord> = {},
): GameRecord {
  const g: GameRecord = {
    id: `g${n++}`,
    season: 2020,
    date,
    home,
    away,
    gameType: 'regular',
    neutral: false,
    ...extra,
  };
  if (homePts !== undefined && awayPts !== undefined) {
    g.homePts = homePts;
    g.awayPts = awayPts;
  }
  return g;
}

function feat(rows: { game: GameRecord; values: Float64Array }[], id: string, name: FeatureName): number {
  const row = rows.find((r) => r.game.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row.values[featureIndex(name)] as number;
}

describe('FeatureState on small schedules', () => {
  it('flags back-to-backs, third game in four nights, and caps rest', () => {
    const g1 = game('2020-01-01', 'BOS', 'NYK', 100, 90);
    const g2 = game('2020-01-02', 'PHI', 'BOS', 95, 99);
    const g3 = game('2020-01-04', 'BOS', 'MIA', 101, 100);
    const g4 = game('2020-01-20', 'BOS', 'PHI', 101, 100);
    const { rows } = buildFeatures([g4, g3, g2, g1]);
    expect(feat(rows, g1.id, 'home_rest')).toBe(10);
    expect(feat(rows, g2.id, 'away_rest')).toBe(1);
    expect(feat(rows, g2.id, 'away_b2b')).toBe(1);
    expect(feat(rows, g2.id, 'home_b2b')).toBe(0);
    expect(feat(rows, g3.id, 'home_b2b')).toBe(0);
    expect(feat(rows, g3.id, 'home_rest')).toBe(2);
    expect(feat(rows, g3.id, 'home_3in4')).toBe(1); // Jan 1, 2 and 4
    expect(feat(rows, g3.id, 'away_3in4')).toBe(0);
    expect(feat(rows, g4.id, 'home_rest')).toBe(10);
    expect(feat(rows, g4.id, 'home_games')).toBe(3);
    expect(feat(rows, g4.id, 'away_games')).toBe(1);
  });

  it('measures travel from the previous game arena', () => {
    const g1 = game('2020-01-01', 'BOS', 'LAL', 100, 90);
    const g2 = game('2020-01-03', 'MIA', 'LAL', 100, 90);
    const { rows } = buildFeatures([g1, g2]);
    expect(feat(rows, g1.id, 'away_travel_km')).toBe(0);
    const bosMia = haversineKm(required(ARENAS['BOS'], 'the BOS arena'), required(ARENAS['MIA'], 'the MIA arena'));
    expect(bosMia).toBeGreaterThan(2000);
    expect(bosMia).toBeLessThan(2100);
    expect(feat(rows, g2.id, 'away_travel_km')).toBeCloseTo(bosMia, 6);
    expect(feat(rows, g2.id, 'home_travel_km')).toBe(0);
  });

  it('updates Elo, carries it over at a season change and resets season counters', () => {
    const g1 = game('2020-01-01', 'BOS', 'NYK', 110, 100);
    const g2 = game('2020-11-01', 'NYK', 'BOS', undefined, undefined, { season: 2021 });
    const { rows } = buildFeatures([g1, g2]);
    const s = eloShift(1500, 1500, 10, false);
    expect(feat(rows, g1.id, 'elo_home')).toBe(1500);
    expect(feat(rows, g2.id, 'elo_away')).toBeCloseTo(eloCarryOver(1500 + s), 10);
    expect(feat(rows, g2.id, 'elo_home')).toBeCloseTo(eloCarryOver(1500 - s), 10);
    expect(feat(rows, g2.id, 'home_games')).toBe(0);
    expect(feat(rows, g2.id, 'home_season_margin')).toBeNaN();
    expect(feat(rows, g2.id, 'home_travel_km')).toBe(0);
    expect(feat(rows, g2.id, 'home_last10')).toBe(0); // last-10 spans seasons
  });

  it('gives no home advantage at a neutral site, and treats unknown as home', () => {
    const neutral = game('2020-08-01', 'MIL', 'BOS', 100, 90, { neutral: true });
    const unknown = game('2020-08-01', 'LAL', 'LAC', 100, 90, { neutral: null });
    const { rows, state } = buildFeatures([neutral, unknown]);
    expect(feat(rows, neutral.id, 'elo_diff')).toBe(0);
    expect(feat(rows, neutral.id, 'is_neutral')).toBe(1);
    expect(feat(rows, unknown.id, 'elo_diff')).toBe(100);
    expect(feat(rows, unknown.id, 'is_neutral')).toBe(0);
    expect(state.elo('MIL')).toBeCloseTo(1500 + eloShift(1500, 1500, 10, true), 10);
  });

  it('never lets a game see results of its own day', () => {
    const g1 = game('2020-01-01', 'BOS', 'NYK', 150, 50);
    const g2 = game('2020-01-01', 'MIA', 'ORL', 100, 90);
    const { rows } = buildFeatures([g1, g2]);
    expect(feat(rows, g1.id, 'elo_home')).toBe(1500);
    expect(feat(rows, g2.id, 'league_pts')).toBeNaN();
  });

  it('computes EWM margins and last-10 win share', () => {
    const g1 = game('2020-01-01', 'BOS', 'NYK', 110, 100);
    const g2 = game('2020-01-03', 'BOS', 'NYK', 100, 104);
    const g3 = game('2020-01-05', 'NYK', 'BOS');
    const { rows } = buildFeatures([g1, g2, g3]);
    expect(feat(rows, g3.id, 'away_margin_ewm')).toBeCloseTo(10 + 0.1 * (-4 - 10), 10);
    expect(feat(rows, g3.id, 'home_margin_ewm')).toBeCloseTo(-10 + 0.1 * (4 + 10), 10);
    expect(feat(rows, g3.id, 'away_last10')).toBe(0.5);
    expect(feat(rows, g3.id, 'margin_ewm_diff')).toBeCloseTo(-8.6 - 8.6, 10);
  });

  it('answers hypothetical matchups without mutating, and refuses past dates', () => {
    const { state } = buildFeatures([game('2020-01-01', 'BOS', 'NYK', 110, 100)]);
    const m = {
      season: 2020,
      date: '2020-01-02',
      home: 'NYK',
      away: 'BOS',
      gameType: 'regular' as const,
      neutral: false,
    };
    const a = state.featuresFor(m, { spreadHome: 3, total: 210 });
    const b = state.featuresFor(m);
    expect(Array.from(a.slice(0, featureIndex('market_prob')))).toEqual(
      Array.from(b.slice(0, featureIndex('market_prob'))),
    );
    expect(a[featureIndex('market_spread')]).toBe(3);
    expect(b[featureIndex('market_prob')]).toBeNaN();
    expect(state.lastDate).toBe('2020-01-01');
    expect(() => state.featuresFor({ ...m, date: '2020-01-01' })).toThrow(/after 2020-01-01/);
    expect(() => state.featuresFor({ ...m, home: 'XXX' })).toThrow(/unknown team/);
  });
});
