import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importCsv, loadFeatureInputs } from '@nba/ingestion';
import { silentLogger } from '@nba/logging';
import type { BacktestReport } from '@nba/modeling';
import { createTestDatabase, sharedDataDir, type TestDatabase } from '@nba/testing';
import { runBacktestCommand } from '../src/commands/backtest';

const dataDir = sharedDataDir();
const games = path.join(dataDir ?? '', 'games.csv');
const odds = path.join(dataDir ?? '', 'odds.csv');

(dataDir ? describe : describe.skip)('backtest from the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importCsv(db.client, { gamesCsv: games, oddsCsv: odds, logger: silentLogger() });
  }, 120_000);
  afterAll(() => db?.drop());

  it('scores the same as the backtest from the CSV files', async () => {
    const options = { fromSeason: 2016, toSeason: 2016 };
    const fromFiles = runBacktestCommand(
      { ...options, games, odds, out: mkdtempSync(path.join(os.tmpdir(), 'bt-files-')) },
      silentLogger(),
    );
    const out = mkdtempSync(path.join(os.tmpdir(), 'bt-db-'));
    const history = await loadFeatureInputs(db.client);
    expect(history.games).toHaveLength(21_797);
    const fromDb = runBacktestCommand({ ...options, out }, silentLogger(), history);
    for (const f of ['home', 'elo', 'market', 'model_stats', 'model_market'] as const) {
      expect(fromDb.overall[f].n).toBe(fromFiles.overall[f].n);
      expect(fromDb.overall[f].logLoss).toBeCloseTo(fromFiles.overall[f].logLoss, 6);
    }
    expect(
      (JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BacktestReport).seasons['2016'],
    ).toBeDefined();
  }, 180_000);
});
