// Study behind the promotion gate's allowance for chance (BENCHMARKS.md, "Promotion gate"): the daily
// job refuses a market-aware candidate that is worse than the market on its holdout games with a line
// by more than MARKET_GUARDRAIL; early in a season those are a few hundred games, where chance alone
// moves the difference by more than the guardrail. For each season 2010-2024 this trains both variants
// on every earlier season, as the daily job's holdout does, and scores them on the season's first n
// games with a line (n = 100 .. the whole season): how often each gate, `diff - z * diffSe >
// MARKET_GUARDRAIL`, refuses the market-aware model (which the backtest shows within the guardrail
// over whole seasons) and the stats-only model (about 0.02 worse than the market: a gate must stop it).
// `node dist-bench/bench/promotion-gate-study.js [OUT.json]`; z is chosen on 2010-2015 only.
import fs from 'node:fs';
import path from 'node:path';
import type { Variant } from '@nba/features';
import { sharedDataDir } from '@nba/testing';
import { marketForecast } from '../baselines';
import { historyDataset, seasonSplit, subset } from '../dataset';
import { scoreModel } from '../evaluation';
import { loadGamesCsv } from '../history';
import { MARKET_GUARDRAIL } from '../market-guardrail';
import { ServingModel } from '../serving-model';
import { trainModel } from '../train';

const dir = sharedDataDir();
if (!dir) process.exit(0);
const out = process.argv[2] ?? 'promotion-gate-study.json';
const SIZES = [100, 150, 200, 300, 400, 600, 800, 1000, Infinity];
const ZS = [0, 0.5, 1, 1.5, 2];
const { games, lines } = loadGamesCsv(path.join(dir, 'games.csv'), path.join(dir, 'odds.csv'));
const ds = historyDataset(games, lines);

interface Point {
  season: number;
  variant: Variant;
  n: number;
  diff: number;
  diffSe: number;
}
const points: Point[] = [];
for (let season = 2010; season <= 2024; season++) {
  const { train, test } = seasonSplit(ds, season);
  const lined = subset(test, (r) => Number.isFinite(marketForecast(r.values)));
  for (const variant of ['market', 'stats'] as const) {
    const model = ServingModel.fromTrained(trainModel(train, variant));
    try {
      for (const size of SIZES) {
        const s = scoreModel(
          model,
          subset(lined, (_r, i) => i < size),
        ).lined;
        if (!s) continue;
        points.push({ season, variant, n: s.n, diff: s.logLoss - s.market, diffSe: s.diffSe });
        if (s.n < size) break;
      }
    } finally {
      model.dispose();
    }
  }
  console.log(JSON.stringify(points.filter((p) => p.season === season)));
}

/** Share of `pts` each gate refuses. */
function refusals(pts: Point[]): Record<string, number> {
  const r: Record<string, number> = {};
  for (const z of ZS)
    r[`z=${z}`] = pts.filter((p) => p.diff - z * p.diffSe > MARKET_GUARDRAIL).length / Math.max(1, pts.length);
  return r;
}
const table: Record<string, unknown> = {};
for (const [label, lo, hi] of [
  ['chosen on 2010-2015', 2010, 2015],
  ['reported 2016-2024', 2016, 2024],
] as const)
  for (const variant of ['market', 'stats'] as const)
    for (const [sizeLabel, keep] of [
      ['n < 400', (p: Point) => p.n < 400],
      ['n >= 400', (p: Point) => p.n >= 400],
    ] as const)
      table[`${label}, ${variant}, ${sizeLabel}`] = refusals(
        points.filter((p) => p.variant === variant && p.season >= lo && p.season <= hi && keep(p)),
      );
console.log(JSON.stringify(table, null, 2));
fs.writeFileSync(out, JSON.stringify({ points, table }, null, 2) + '\n');
