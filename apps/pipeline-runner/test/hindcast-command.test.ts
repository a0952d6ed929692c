import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { importCsv } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { builtFile, createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';
import { seasonsFile } from './fixtures/season-files';

// `pipeline hindcast`: bad ranges are usage errors before any work; on a real PostgreSQL holding
// three real seasons, a week of past days is forecast, stored as hindcasts and settled, and a rerun
// trains and stores nothing.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));

function cli(args: string[], databaseUrl = 'postgresql://nobody@127.0.0.1:1/none') {
  return spawnSync(process.execPath, [main, ...args], {
    env: inheritedEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' }),
    encoding: 'utf8',
    timeout: 300_000,
  });
}

it.each([
  [['hindcast'], /required option '--from <YYYY-MM-DD>' not specified/],
  [['hindcast', '--from', '2024-02-30'], /--from <YYYY-MM-DD>' argument '2024-02-30' is invalid/],
  [
    ['hindcast', '--from', '2024-01-10', '--to', '2024-01-01'],
    /--from must not be after --to, got --from 2024-01-10 --to 2024-01-01/,
  ],
  [['hindcast', '--from', '2022-01-01', '--to', '2024-01-01'], /--from must be within a year of --to/],
  [['hindcast', '--from', '2024-01-01', '--to', '2030-01-01'], /--to must be a past day/],
  [
    ['hindcast', '--from', '2024-01-01', '--to', '2024-01-05', '--variant', 'elo'],
    /--variant <variant>' argument 'elo' is invalid/,
  ],
  [
    ['hindcast', '--from', '2024-01-01', '--to', '2024-01-05', '--retrain-days', '0'],
    /--retrain-days must be a whole number from 1 to 60, got 0/,
  ],
])('%j is bad usage (exit 2), before touching a database', (args, message) => {
  const r = cli(args);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('Usage: pipeline hindcast [options]');
  expect(r.status).toBe(2);
});

(sharedDataDir() ? describe : describe.skip)('on real seasons', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: 'pipeline_hindcast' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindcast-cmd-'));
    const games = seasonsFile(dir, 'games.csv', { seasons: [2014, 2015, 2016] });
    const odds = seasonsFile(dir, 'odds.csv', { ids: games.ids });
    await importCsv(db.client, { gamesCsv: games.file, oddsCsv: odds.file, logger: silentLogger() });
  }, 120_000);
  afterAll(() => db?.drop());

  const hindcasts = () =>
    db.client.prediction.findMany({
      where: { modelVersion: { kind: 'hindcast' } },
      select: {
        gameId: true,
        homeWinProb: true,
        settledAt: true,
        logLoss: true,
        modelVersion: { select: { name: true, version: true } },
      },
      orderBy: { gameId: 'asc' },
    });

  it('stores and settles a hindcast of every game of the range, and a rerun changes nothing', async () => {
    const args = ['hindcast', '--from', '2016-01-04', '--to', '2016-01-10', '--variant', 'stats'];
    const first = cli(args, db.url);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^hindcast 2016-01-04\.\.2016-01-10: 7 days with games, retrained every 7 days\n/);
    expect(first.stdout).toMatch(/nba-winner-stats +\d +\d +(\d+) +\1 +0\n/);
    expect(first.status).toBe(0);
    const games = await db.client.game.count({
      where: { date: { gte: new Date('2016-01-04T00:00:00Z'), lte: new Date('2016-01-10T00:00:00Z') } },
    });
    const stored = await hindcasts();
    expect(stored).toHaveLength(games);
    expect(
      stored.every((p) => p.settledAt !== null && p.logLoss !== null && p.modelVersion.name === 'nba-winner-stats'),
    ).toBe(true);
    // nothing live: the registry's list (live versions) stays empty
    expect(await db.client.modelVersion.count({ where: { kind: 'live' } })).toBe(0);

    const again = cli(args, db.url);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nba-winner-stats +(\d) +0 +(\d+) +0 +0\n/);
    expect((await hindcasts()).map((p) => [p.gameId, p.homeWinProb, p.modelVersion.version])).toEqual(
      stored.map((p) => [p.gameId, p.homeWinProb, p.modelVersion.version]),
    );
  }, 600_000);
});
