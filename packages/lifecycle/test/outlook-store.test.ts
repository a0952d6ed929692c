import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedTeams } from '@nba/db';
import { required } from '@nba/errors';
import { loadGamesCsv } from '@nba/modeling';
import { importCsv } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { createTestDatabase, matching, sharedDataDir, type TestDatabase } from '@nba/testing';
import {
  computeOutlook,
  dailyOutlook,
  latestOutlook,
  morningOutlook,
  outlookHistory,
  outlookOfDate,
  teamOutlookHistory,
  LifecycleError,
} from '../src/index';

// The daily outlook use cases on a real PostgreSQL, fed with the real games and lines of 2013-14
// to 2015-16 imported through the CSV import (a subset written to a temporary folder).
const dir = sharedDataDir();
const maybe = dir ? describe : describe.skip;
const DATE = '2016-01-15';
const OPTIONS = { simulations: 400, seed: 7 };

let db: TestDatabase;
let tmp: string;

/** The stored rows of a date without their id and time of computation. */
async function storedRows(date: string): Promise<unknown[]> {
  const rows = await db.client.seasonOutlook.findMany({
    where: { date: new Date(`${date}T00:00:00Z`) },
    orderBy: { teamCode: 'asc' },
  });
  return rows.map(({ id: _id, computedAt: _at, ...rest }) => rest);
}

maybe('season outlook use cases (PostgreSQL, real games 2014-2016)', () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outlook-store-'));
    const keep = (file: string, test: (cells: string[]) => boolean): string => {
      const [header, ...rows] = fs
        .readFileSync(path.join(dir as string, file), 'utf8')
        .trim()
        .split('\n');
      const out = path.join(tmp, file);
      fs.writeFileSync(out, [header, ...rows.filter((r) => test(r.split(',')))].join('\n') + '\n');
      return out;
    };
    const gamesCsv = keep('games.csv', (c) => Number(c[1]) >= 2014 && Number(c[1]) <= 2016);
    const ids = new Set(
      fs
        .readFileSync(gamesCsv, 'utf8')
        .split('\n')
        .slice(1)
        .map((r) => r.split(',')[0]),
    );
    const oddsCsv = keep('odds.csv', (c) => ids.has(c[0]));
    db = await createTestDatabase();
    await seedTeams(db.client);
    await importCsv(db.client, { gamesCsv, oddsCsv, logger: silentLogger() });
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('stores one row per team; probabilities add up; a rerun stores the same rows in place of the first', async () => {
    const first = await computeOutlook(db.client, DATE, OPTIONS);
    expect(first).toMatchObject({ date: DATE, season: 2016, rows: 30, simulations: 400, seed: 7, isDemo: false });
    const rows = await db.client.seasonOutlook.findMany({ where: { date: new Date(`${DATE}T00:00:00Z`) } });
    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r.seedProbs).toHaveLength(15);
      expect(r.seedProbs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
      expect(r.makeConfSemis).toBeLessThanOrEqual(r.makePlayoffs);
      expect(r.winFinals).toBeLessThanOrEqual(r.makeFinals);
      expect(r.wins + r.losses).toBeGreaterThan(30); // mid-January: about 40 games played
      expect(r).toMatchObject({ ratingModel: 'market-results-ridge', simulations: 400, simulationSeed: 7 });
    }
    for (const conference of ['East', 'West']) {
      expect(rows.filter((r) => r.conference === conference).reduce((s, r) => s + r.makePlayoffs, 0)).toBeCloseTo(8, 9);
    }
    expect(rows.reduce((s, r) => s + r.winFinals, 0)).toBeCloseTo(1, 9);
    const before = await storedRows(DATE);
    await computeOutlook(db.client, DATE, OPTIONS);
    expect(await storedRows(DATE)).toEqual(before);
    expect(await db.client.seasonOutlook.count()).toBe(30);
  });

  it('equals the outlook made from the CSV files for the same morning (one mapping of games and lines)', async () => {
    const { games, lines } = loadGamesCsv(path.join(tmp, 'games.csv'), path.join(tmp, 'odds.csv'));
    const fromCsv = morningOutlook(outlookHistory(games, lines, 2016, DATE), 2016, DATE, OPTIONS);
    const stored = required(await outlookOfDate(db.client, DATE), `the outlook of ${DATE}`);
    const byTeam = new Map(stored.teams.map((t) => [t.team, t]));
    for (const t of fromCsv.teams) {
      expect(byTeam.get(t.team)).toMatchObject({
        makePlayoffs: t.playoffs,
        winFinals: t.title,
        winsMean: t.winsMean,
        seedProbs: t.seed,
      });
    }
  });

  it('uses only what was known that morning: later scores, later lines and a later season change nothing', async () => {
    const before = await storedRows(DATE);
    const day = new Date(`${DATE}T00:00:00Z`);
    // every game from the morning on gets another final score, and a line far from its own
    await db.client
      .$executeRaw`UPDATE games SET home_score = 150, away_score = 60, status = 'final' WHERE date >= ${day}`;
    const later = await db.client.game.findMany({
      where: { date: { gte: day }, season: 2016 },
      select: { id: true, date: true },
      take: 50,
    });
    await db.client.oddsSnapshot.createMany({
      data: later.map((g) => ({
        gameId: g.id,
        bookmaker: 'later',
        market: 'spreads' as const,
        capturedAt: g.date,
        homePoint: -25,
        homePrice: -110,
        awayPrice: -110,
        source: 'test',
      })),
    });
    await db.client.game.create({
      data: {
        gameKey: '20161101_BOS_LAL',
        season: 2017,
        date: new Date('2016-11-01T00:00:00Z'),
        homeCode: 'LAL',
        awayCode: 'BOS',
        status: 'final',
        homeScore: 100,
        awayScore: 90,
        source: 'test',
      },
    });
    await computeOutlook(db.client, DATE, OPTIONS);
    expect(await storedRows(DATE)).toEqual(before);
  });

  it('reads the latest outlook, one date, and a team history; refuses an unknown team and a season without games', async () => {
    await computeOutlook(db.client, '2016-02-01', OPTIONS);
    expect((await latestOutlook(db.client))?.date).toBe('2016-02-01');
    const of = required(await outlookOfDate(db.client, DATE), `the outlook of ${DATE}`);
    expect(of.teams).toHaveLength(30);
    expect(of.teams.slice(0, 15).every((t) => t.conference === 'East')).toBe(true);
    expect(await outlookOfDate(db.client, '2016-01-16')).toBeNull();
    const history = await teamOutlookHistory(db.client, 'GSW', 2016);
    expect(history.map((h) => h.date)).toEqual([DATE, '2016-02-01']);
    expect(history[1]?.makePlayoffs).toBeGreaterThan(0.99);
    await expect(teamOutlookHistory(db.client, 'XXX', 2016)).rejects.toThrow(LifecycleError);
    await expect(computeOutlook(db.client, '2019-01-15', OPTIONS)).rejects.toMatchObject({
      code: 'NO_SEASON_SCHEDULE',
    });
  });

  it("as the daily task: stores the date's outlook, and in a season without a schedule stores nothing and says why", async () => {
    expect(await dailyOutlook(db.client, '2016-03-01', OPTIONS)).toEqual({
      date: '2016-03-01',
      season: 2016,
      rows: 30,
      simulations: 400,
      seed: 7,
      isDemo: false,
    });
    expect(await dailyOutlook(db.client, '2019-01-15', OPTIONS)).toEqual({
      date: '2019-01-15',
      skipped: matching(/season 2019/),
    });
    expect(await outlookOfDate(db.client, '2019-01-15')).toBeNull();
  });
});
