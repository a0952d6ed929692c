// `pnpm bench`: full seasons per second on one core, from opening day (1,230 games), with the exact
// tiebreakers, the play-in and the playoffs; beside a baseline in the same run (the same simulator
// with every tie left to a drawing, i.e. without tiebreakers). Runs alternate so both see the same
// load on the shared machine.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { envFlag, readEnv } from '@nba/config';
import { parseGamesCsv } from '@nba/games';
import { sharedDataDir } from '@nba/testing';
import { seasonRules, simulateCounts, type SeasonState, type SimulationOptions } from '../index';

const dir = sharedDataDir();
if (!dir) process.exit(0);
const season = 2024;
const games = parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8')).filter(
  (g) => g.season === season && g.gameType === 'regular',
);
// plausible spread of strengths (points per game): last season's order does not matter for speed
const codes = [...new Set(games.map((g) => g.home))].sort();
const ratings = Object.fromEntries(codes.map((c, i) => [c, (i - 14.5) * 0.7]));
const state: SeasonState = {
  season,
  played: [],
  remaining: games.map((g) => ({ home: g.home, away: g.away })),
  ratings,
  homeCourtPts: 2.5,
};
const rules = seasonRules(season);
const variants: Record<string, SimulationOptions> = {
  exact: { teamSdPts: 2.5 },
  noTiebreakers: { teamSdPts: 2.5, rules: { ...rules, twoTeamCriteria: [], multiTeamCriteria: [] } },
};
const { BENCH_QUICK } = readEnv({ BENCH_QUICK: envFlag() });
const sims = BENCH_QUICK ? 5000 : 20000;
const runs = BENCH_QUICK ? 3 : 5;
for (const v of Object.values(variants)) simulateCounts(state, { ...v, simulations: 2000 }); // warm-up
const rates: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const wall: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, v] of Object.entries(variants)) {
    // CPU time of this process (user + system): on a machine shared with other work, wall time
    // measures the neighbours too
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    simulateCounts(state, { ...v, simulations: sims, seed: r + 1 });
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(c0);
    (rates[name] as number[]).push(sims / ((cpu.user + cpu.system) / 1e6));
    (wall[name] as number[]).push(sims / wallS);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const exact = median(rates['exact'] as number[]);
const base = median(rates['noTiebreakers'] as number[]);
console.log(
  JSON.stringify(
    {
      season,
      games: games.length,
      simulationsPerRun: sims,
      runs,
      seasonsPerCpuSecond: { exact: Math.round(exact), noTiebreakers: Math.round(base) },
      seasonsPerWallSecond: {
        exact: Math.round(median(wall['exact'] as number[])),
        noTiebreakers: Math.round(median(wall['noTiebreakers'] as number[])),
      },
      exactOverNoTiebreakers: Number((exact / base).toFixed(2)),
      goal20000: exact >= 20000,
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
      cpus: os.cpus().length,
      node: process.version,
    },
    null,
    2,
  ),
);
