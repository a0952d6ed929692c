import fs from 'node:fs';
import path from 'node:path';
import { parseGamesCsv, parseOddsCsv, type ClosingLine, type GameRecord } from '@nba/games';
import { required } from '@nba/errors';
import { buildFeatures, FeatureState } from '../src';
import { sharedDataDir } from '@nba/testing';

const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;

maybe('no leakage on the real history', () => {
  const games = dir ? parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8')) : [];
  const lines = dir
    ? parseOddsCsv(fs.readFileSync(path.join(dir, 'odds.csv'), 'utf8'))
    : new Map<string, ClosingLine>();

  it('features from the whole history equal those from the history cut at the day before', () => {
    const full = buildFeatures(games, lines);
    const byId = new Map(full.rows.map((r) => [r.game.id, r.values]));
    // deterministic sample spread over the seasons, including season openers and playoff games
    const sample: GameRecord[] = [];
    for (let i = 137; i < games.length; i += 997) sample.push(games[i] as GameRecord);
    sample.push(...games.filter((g) => g.gameType === 'playoffs').slice(0, 3), games[games.length - 1] as GameRecord);
    for (const g of sample) {
      const cut = buildFeatures(
        games.filter((h) => h.date < g.date),
        lines,
      ).state;
      const fresh = cut.featuresFor(g, lines.get(g.id));
      expect(Array.from(fresh)).toEqual(Array.from(byId.get(g.id) as Float64Array));
    }
    expect(sample.length).toBeGreaterThan(20);
  });

  it('changing a game result (or any later one) changes no feature of that game', () => {
    const target = games[15000] as GameRecord;
    const altered = games.map((g) => (g.date >= target.date ? { ...g, homePts: 0, awayPts: 200 } : g));
    const a = buildFeatures(games, lines).rows.find((r) => r.game.id === target.id);
    const b = buildFeatures(altered, lines).rows.find((r) => r.game.id === target.id);
    expect(Array.from(required(b, 'the altered row').values)).toEqual(
      Array.from(required(a, 'the original row').values),
    );
    expect(new FeatureState().gamesRecorded).toBe(0);
  });
});
