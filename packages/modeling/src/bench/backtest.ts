// `pnpm bench`: wall time of the full walk-forward backtest 2016-2024 on the shared data, written
// to <repo>/bench-out/backtest (report.json, report.md, calibration.svg).
import fs from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '@nba/testing';
import { calibrationSvg, loadGamesCsv, reportMarkdown, runBacktest } from '../index';

// absent outside CI: says why and skips; in CI: fails
const dir = sharedDataDir();
if (!dir) process.exit(0);
const out = path.resolve(__dirname, '../../../../bench-out/backtest');
const t0 = Date.now();
const { games, lines } = loadGamesCsv(path.join(dir, 'games.csv'), path.join(dir, 'odds.csv'));
const report = runBacktest(games, lines, {
  fromSeason: 2016,
  toSeason: 2024,
  tuning: 'hyperparameters and feature constants chosen on seasons 2010-2015 only',
});
const wallMs = Date.now() - t0;
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'report.md'), reportMarkdown(report));
fs.writeFileSync(path.join(out, 'calibration.svg'), calibrationSvg(report.calibration, 'Calibration 2016-2024'));
const o = report.overall;
console.log(
  JSON.stringify(
    {
      wallMsIncludingCsv: wallMs,
      backtestWallMs: report.wallTimeMs,
      goalUnder60s: wallMs < 60_000,
      logLoss: Object.fromEntries(
        (['home', 'elo', 'market', 'model_stats', 'model_market'] as const).map((f) => [
          f,
          Number(o[f].logLoss.toFixed(4)),
        ]),
      ),
      ece: Object.fromEntries(
        (['home', 'elo', 'market', 'model_stats', 'model_market'] as const).map((f) => [
          f,
          Number(o[f].ece.toFixed(4)),
        ]),
      ),
      out,
    },
    null,
    2,
  ),
);
