// Compares market shrink rules on what `shrink-study.js` wrote (one file per XGBoost seed), without
// retraining: per rule, the worst season and the pooled difference from the market, 2010-2015 (where
// the rule is chosen) and 2016-2024 (only reported). The table in BENCHMARKS.md ("Market-aware
// guardrail"). `node dist-bench/bench/shrink-rules.js seed7.json seed3.json seed1.json`
import fs from 'node:fs';
import { required } from '@nba/errors';
import {
  correctionCurvature,
  fitCorrectionWeight,
  MARKET_ZERO_SKILL_BUDGET,
  type ShrinkEvidence,
} from '../market-shrink-rule';

interface Games {
  lm: number[];
  d: number[];
  y: number[];
}
interface Season {
  center: number;
  test: Games;
  valid: Games;
}

const TUNE = [2010, 2011, 2012, 2013, 2014, 2015];
const REPORT = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function evidence(g: Games, center: number): ShrinkEvidence {
  return { marketLogit: g.lm, correction: g.d.map((d) => d - center), homeWin: g.y };
}

/** Per-game log loss of `λ` minus the market's. */
function gains(g: Games, center: number, lambda: number): number[] {
  return g.y.map((y, i) => {
    const pm = sigmoid(g.lm[i] as number);
    const p = sigmoid((g.lm[i] as number) + lambda * ((g.d[i] as number) - center));
    return y ? Math.log(pm / p) : Math.log((1 - pm) / (1 - p));
  });
}

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const cap = (s: Season, budget: number) => {
  const h = correctionCurvature(evidence(s.valid, s.center));
  return h > 0 ? Math.sqrt((2 * budget) / h) : Infinity;
};
const lowerBound = (s: Season, z: number) => {
  const { fitted, se } = fitCorrectionWeight(evidence(s.valid, s.center));
  return Number.isFinite(fitted) ? Math.max(0, Math.min(1, fitted - z * se)) : 0;
};
const proven = (s: Season, lambda: number, z: number) => {
  const g = gains(s.valid, s.center, lambda);
  const m = mean(g);
  const se = Math.sqrt(g.reduce((a, x) => a + (x - m) ** 2, 0) / (g.length - 1) / g.length);
  return m + z * se < 0 ? lambda : 0;
};

const RULES: Record<string, (s: Season) => number> = {
  'fixed λ 0.91 (issue 15)': () => 0.91,
  'fixed λ 0.5': () => 0.5,
  'fixed λ 0.25': () => 0.25,
  'uncertainty: fitted λ − 1 SE': (s) => lowerBound(s, 1),
  'uncertainty: fitted λ − 1.645 SE': (s) => lowerBound(s, 1.645),
  'fallback: λ 0.91 if validation gain − 1 SE > 0': (s) => proven(s, 0.91, 1),
  'fallback at 1.645 SE': (s) => proven(s, 0.91, 1.645),
  'size cap alone (λ ≤ 0.91)': (s) => Math.min(0.91, cap(s, MARKET_ZERO_SKILL_BUDGET)),
  'fallback (1 SE) + size cap': (s) => proven(s, Math.min(0.91, cap(s, MARKET_ZERO_SKILL_BUDGET)), 1),
  'uncertainty (1 SE) + size cap (chosen)': (s) => Math.min(lowerBound(s, 1), cap(s, MARKET_ZERO_SKILL_BUDGET)),
};

const studies = process.argv
  .slice(2)
  .map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { seasons: Record<string, Season> }).seasons);
const f5 = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(5)}`;
for (const [name, rule] of Object.entries(RULES)) {
  let tuneWorst = -Infinity;
  const reportWorst: string[] = [];
  const pooled = { tune: [] as number[], report: [] as number[] };
  for (const seasons of studies) {
    const diff = new Map<number, number[]>();
    for (const y of [...TUNE, ...REPORT]) {
      const s = seasons[String(y)] as Season;
      diff.set(y, gains(s.test, s.center, rule(s)));
    }
    const diffOf = (y: number) => required(diff.get(y), `the differences of ${y}`);
    const worst = (ys: number[]) => ys.reduce((w, y) => (mean(diffOf(y)) > mean(diffOf(w)) ? y : w));
    tuneWorst = Math.max(tuneWorst, mean(diffOf(worst(TUNE))));
    const rw = worst(REPORT);
    reportWorst.push(`${f5(mean(diffOf(rw)))} (${rw})`);
    pooled.tune.push(mean(TUNE.flatMap(diffOf)));
    pooled.report.push(mean(REPORT.flatMap(diffOf)));
  }
  console.log(
    `| ${name} | ${f5(tuneWorst)} | ${f5(mean(pooled.tune))} | ${reportWorst.join(' / ')} | ${f5(mean(pooled.report))} |`,
  );
}
