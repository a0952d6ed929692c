// `pnpm study`: chooses the rating model's settings and the per-season strength sd on seasons
// 2011-2015 only (never 2016-2024). Phase 1: a grid of rating settings scored by the log loss of
// every later regular-season game of the season (margin ~ normal, sd 12.4) from mornings every 7
// days. Phase 2: with the best settings, the outlook every 7 days with 2,000 simulations for several
// strength sds, scored by the Brier score of make_playoffs and the log loss of the title.
import { addDays, envFlag, envNumberList, readEnv } from '@nba/config';
import { sharedDataDir } from '@nba/testing';
import {
  backtestSeasonOutlook,
  fitRatings,
  outlookState,
  seasonOutcome,
  DEFAULT_RATING_PARAMS,
  type LinedGame,
  type RatingParams,
} from '../index';
import { loadHistory } from './load-history';

const dir = sharedDataDir();
if (!dir) process.exit(0);
const history = loadHistory(dir);
const SEASONS = [2011, 2012, 2013, 2014, 2015];
const EVERY = 7;

function phi(x: number): number {
  // Abramowitz-Stegun 7.1.26 via erf
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function ratingLogLoss(params: RatingParams): number {
  let sum = 0;
  let n = 0;
  for (const season of SEASONS) {
    const games = history.filter((g) => g.season >= season - 2 && g.season <= season);
    const regular = games.filter((g) => g.season === season && g.gameType === 'regular');
    const first = (regular[0] as LinedGame).date;
    const last = (regular[regular.length - 1] as LinedGame).date;
    for (let date = first; date <= last; date = addDays(date, EVERY)) {
      const fit = fitRatings(games, date, season, params);
      const state = outlookState(season, games, date, fit);
      const future = regular.filter((g) => g.date >= date);
      state.remaining.forEach((f, i) => {
        const g = future[i] as LinedGame;
        const p = Math.min(1 - 1e-6, Math.max(1e-6, phi((f.homeMargin as number) / 12.4)));
        sum -= (g.homePts as number) > (g.awayPts as number) ? Math.log(p) : Math.log(1 - p);
        n++;
      });
    }
  }
  return sum / n;
}

// Coordinate descent over a grid (the full grid of 144 took too long on the shared machine): vary
// one setting at a time over its candidates, keep the best, two passes.
const CANDIDATES: Record<keyof RatingParams, number[]> = {
  decayDays: [30, 60, 90, 120, 180, 240],
  resultWeight: [0, 0.25, 0.5, 0.75, 1],
  ridge: [0.25, 0.5, 1, 4, 16],
  previousSeasonWeight: [0.1, 0.25, 0.5, 1],
  marginCapPts: [20],
};
// STUDY_SKIP_GRID: keep the current defaults (phase 2 only, e.g. after the defaults were updated)
const knobs = readEnv({
  BENCH_QUICK: envFlag(),
  STUDY_SKIP_GRID: envFlag(),
  STUDY_SDS: envNumberList([0, 1, 2, 3, 4]),
});
const quick = knobs.BENCH_QUICK;
const cache = new Map<string, number>();
const score = (p: RatingParams): number => {
  const key = JSON.stringify(p);
  if (!cache.has(key)) cache.set(key, ratingLogLoss(p));
  return cache.get(key) as number;
};
let current: RatingParams = DEFAULT_RATING_PARAMS;
for (let pass = 0; pass < (quick || knobs.STUDY_SKIP_GRID ? 0 : 2); pass++) {
  for (const key of Object.keys(CANDIDATES) as (keyof RatingParams)[]) {
    for (const v of CANDIDATES[key]) {
      const p = { ...current, [key]: v };
      if (score(p) < score(current)) current = p;
    }
  }
}
const tried = [...cache.entries()]
  .map(([k, v]) => ({ params: JSON.parse(k) as RatingParams, logLoss: Number(v.toFixed(5)) }))
  .sort((a, b) => a.logLoss - b.logLoss);
console.log(
  JSON.stringify({ phase: 1, chosen: current, logLoss: score(current), default: score(DEFAULT_RATING_PARAMS), tried }),
);

const best = current;
for (const teamSdPts of quick ? [2] : knobs.STUDY_SDS) {
  let brier = 0;
  let titleLoss = 0;
  let n = 0;
  // calibration of make_playoffs: forecasts in tenths, mean forecast beside the observed rate
  const bins = Array.from({ length: 10 }, () => ({ n: 0, forecast: 0, observed: 0 }));
  for (const season of SEASONS) {
    const games = history.filter((g) => g.season >= season - 2 && g.season <= season);
    const outcome = seasonOutcome(
      season,
      games.filter((g) => g.season === season),
    );
    const days = backtestSeasonOutlook(season, games, {
      every: EVERY,
      simulations: quick ? 300 : 2000,
      teamSdPts,
      ratingParams: best,
    });
    for (const d of days) {
      for (const t of d.teams) {
        const real = outcome.teams.find((x) => x.team === t.team);
        const made = real?.seed !== null ? 1 : 0;
        brier += (t.playoffs - made) ** 2;
        const bin = bins[Math.min(9, Math.floor(t.playoffs * 10))] as { n: number; forecast: number; observed: number };
        bin.n++;
        bin.forecast += t.playoffs;
        bin.observed += made;
        if (real?.champion) titleLoss -= Math.log(Math.max(t.title, 1e-4));
        n++;
      }
    }
  }
  console.log(
    JSON.stringify({
      phase: 2,
      teamSdPts,
      makePlayoffsBrier: Number((brier / n).toFixed(4)),
      titleLogLossPerDate: Number(((titleLoss * 30) / n).toFixed(3)),
      // [forecasts, mean forecast, observed rate] per tenth
      calibration: bins.map((b) =>
        b.n ? [b.n, Number((b.forecast / b.n).toFixed(3)), Number((b.observed / b.n).toFixed(3))] : [0],
      ),
    }),
  );
}
