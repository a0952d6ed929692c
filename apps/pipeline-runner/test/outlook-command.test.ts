import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { importCsv } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import { builtFile, createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';
import { seasonsFile } from './fixtures/season-files';

// `pipeline outlook --date`: one morning's outlook computed from the stored games and lines and
// stored, by the built CLI on a real PostgreSQL holding two real seasons.
const main = builtFile(path.resolve(__dirname, '..', 'dist', 'main.js'));

(sharedDataDir() ? describe : describe.skip)('pipeline outlook', () => {
  let db: TestDatabase;
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [main, ...args], {
      env: inheritedEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'error' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
  const stored = () =>
    db.client.seasonOutlook.findMany({
      where: { date: new Date('2016-01-15T00:00:00Z') },
      orderBy: { teamCode: 'asc' },
      select: { teamCode: true, makePlayoffs: true },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outlook-cmd-'));
    const games = seasonsFile(dir, 'games.csv', { seasons: [2015, 2016] });
    const odds = seasonsFile(dir, 'odds.csv', { ids: games.ids });
    await importCsv(db.client, { gamesCsv: games.file, oddsCsv: odds.file, logger: silentLogger() });
  }, 120_000);
  afterAll(() => db?.drop());

  it('stores every team of the morning, and a rerun stores the same odds', async () => {
    const first = cli(['outlook', '--date', '2016-01-15', '--simulations', '300']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('outlook 2016-01-15 (season 2016): 30 teams stored, 300 simulations, seed 20160115\n');
    expect(first.status).toBe(0);
    const rows = await stored();
    expect(rows).toHaveLength(30);
    // eight playoff teams per conference, in expectation
    expect(rows.reduce((s, r) => s + r.makePlayoffs, 0)).toBeCloseTo(16, 6);
    expect(cli(['outlook', '--date', '2016-01-15', '--simulations', '300']).status).toBe(0);
    expect(await stored()).toEqual(rows);
  }, 240_000);

  it('a morning without a stored schedule stores nothing and says why (exit 1)', () => {
    const r = cli(['outlook', '--date', '2019-01-15', '--simulations', '300']);
    expect(r.stdout).toMatch(/^outlook 2019-01-15: nothing stored: /);
    expect(r.status).toBe(1);
  }, 120_000);
});
