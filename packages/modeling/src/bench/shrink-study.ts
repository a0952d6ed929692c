// Study behind the market guardrail rule (BENCHMARKS.md, "Market-aware guardrail"): trains the
// market variant walk-forward for each season 2010-2024 (no shrink), and writes for every test and
// validation game with a line the market's log-odds, the booster's correction of it and the outcome,
// so shrink rules can be compared without retraining. `node dist-bench/bench/shrink-study.js OUT.json [seed]`
import fs from 'node:fs';
import path from 'node:path';
import { buildFeatures } from '@nba/features';
import { sharedDataDir } from '@nba/testing';
import { marketForecast } from '../baselines';
import { assembleDataset, subset, type Dataset } from '../dataset';
import { forecastRows } from '../forecast';
import { loadGamesCsv } from '../history';
import { MARKET_CENTER_GAMES, meanMarketCorrection } from '../market-shrink';
import { DEFAULT_PARAMS, type ModelParams } from '../params';
import { disposeModel, trainModel } from '../train';

const dir = sharedDataDir();
if (!dir) process.exit(0);
const out = process.argv[2] ?? 'shrink-study.json';
const seed = Number(process.argv[3] ?? 7);
const logit = (p: number) => Math.log(p / (1 - p));
const { games, lines } = loadGamesCsv(path.join(dir, 'games.csv'), path.join(dir, 'odds.csv'));
const ds = assembleDataset(buildFeatures(games, lines).rows);
const withSeed = (s: ModelParams['win']) => ({ ...s, params: { ...s.params, seed } });
const params: ModelParams = {
  ...DEFAULT_PARAMS,
  win: withSeed(DEFAULT_PARAMS.win),
  margin: withSeed(DEFAULT_PARAMS.margin),
  total: withSeed(DEFAULT_PARAMS.total),
  marketShrink: {},
};

/** Games with a line: market log-odds, booster correction (log-odds), outcome. */
function lined(model: Parameters<typeof forecastRows>[0], part: Dataset) {
  const p = forecastRows(model, part.rows).homeWin;
  const r = { lm: [] as number[], d: [] as number[], y: [] as number[] };
  part.rows.forEach((row, i) => {
    const m = marketForecast(row.values);
    if (!Number.isFinite(m)) return;
    r.lm.push(logit(m));
    r.d.push(logit(p[i] as number) - logit(m));
    r.y.push(part.homeWin[i] as number);
  });
  return r;
}

const seasons: Record<string, unknown> = {};
for (let season = 2010; season <= 2024; season++) {
  const train = subset(ds, (r) => r.game.season < season);
  const model = trainModel(train, 'market', { params });
  try {
    const recent = train.rows.filter((r) => Number.isFinite(marketForecast(r.values))).slice(-MARKET_CENTER_GAMES);
    const center = meanMarketCorrection(forecastRows(model, recent).homeWin, recent);
    seasons[season] = {
      center,
      test: lined(
        model,
        subset(ds, (r) => r.game.season === season),
      ),
      valid: lined(
        model,
        subset(train, (r) => r.game.season === season - 1),
      ),
    };
    console.log(JSON.stringify({ season, center }));
  } finally {
    disposeModel(model);
  }
}
fs.writeFileSync(out, JSON.stringify({ seed, seasons }));
