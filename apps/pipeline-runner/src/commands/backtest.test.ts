import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { silentLogger } from '@nba/logging';
import { sharedDataDir } from '@nba/testing';
import { registerBacktestCommand, runBacktestCommand } from './backtest';

const dataDir = sharedDataDir() ?? '';
const haveData = dataDir !== '';

describe('backtest command', () => {
  it('registers its options', () => {
    const program = new Command('pipeline');
    registerBacktestCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'backtest');
    expect(cmd?.options.map((o) => o.long)).toEqual(['--games', '--odds', '--from-season', '--to-season', '--out']);
  });

  it('refuses to run without games (database path not available yet)', async () => {
    await expect(runBacktestCommand({ fromSeason: 2016, toSeason: 2016, out: os.tmpdir() }, silentLogger())).rejects.toThrow(/--games/);
  });

  (haveData ? it : it.skip)('writes report.json, report.md and calibration.svg for one season', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'backtest-'));
    try {
      await runBacktestCommand(
        { games: path.join(dataDir, 'games.csv'), odds: path.join(dataDir, 'odds.csv'), fromSeason: 2016, toSeason: 2016, out },
        silentLogger(),
      );
      const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
      expect(Object.keys(report.seasons)).toEqual(['2016']);
      for (const f of ['home', 'elo', 'market', 'model_stats', 'model_market']) {
        expect(Object.keys(report.overall[f]).sort()).toEqual(['accuracy', 'brier', 'ece', 'logLoss', 'n']);
        expect(report.overall[f].n).toBe(report.overall.home.n);
        expect(report.overall[f].logLoss).toBeGreaterThan(0.5);
        expect(report.overall[f].logLoss).toBeLessThan(0.7);
      }
      expect(report.overall.home.n).toBeGreaterThan(1200);
      expect(report.overall.margin.closing).toBeGreaterThan(5);
      expect(report.featureSpecVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(typeof report.wallTimeMs).toBe('number');
      expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('| model_market |');
      expect(fs.readFileSync(path.join(out, 'calibration.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
