// `pnpm bounds`: the observed ranges of ../shared/data/nba (2007-08 to 2023-24) that the plausibility
// bounds in src/plausibility/bounds.ts are derived from. Re-run after the data changes and compare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devigMoneyline, spreadProbability } from '@nba/features';
import { parseCsv } from '@nba/games';
import { sharedDataDir } from '@nba/testing';
import { americanProbability } from '../plausibility/implied-probability';
import { BOUNDS } from '../plausibility/bounds';
import { required } from '@nba/errors';

const quantile = (sorted: number[], q: number) =>
  required(
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))],
    'a quantile of nothing',
  );
const range = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: quantile(s, 0), p001: quantile(s, 0.001), p999: quantile(s, 0.999), max: quantile(s, 1) };
};
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));

function main(): void {
  const dir = sharedDataDir();
  if (!dir) return;
  const games = parseCsv(readFileSync(join(dir, 'games.csv'), 'utf8')).rows.map((r) => r.values);
  const odds = parseCsv(readFileSync(join(dir, 'odds.csv'), 'utf8')).rows.map((r) => r.values);
  const teamPts: number[] = [];
  const gameTotals: number[] = [];
  for (const g of games) {
    const h = num(g.home_pts);
    const a = num(g.away_pts);
    if (h === undefined || a === undefined) continue; // a game without a score says nothing of the bounds
    teamPts.push(h, a);
    gameTotals.push(h + a);
  }
  const spreads: number[] = [];
  const totals: number[] = [];
  const prices: number[] = [];
  const overround: number[] = [];
  const disagreement: number[] = [];
  const flagged: string[] = [];
  for (const o of odds) {
    const spread = num(o.spread_home);
    const total = num(o.total);
    const hm = num(o.home_ml);
    const am = num(o.away_ml);
    if (spread !== undefined) spreads.push(spread);
    if (total !== undefined) totals.push(total);
    if (hm !== undefined && am !== undefined) {
      prices.push(hm, am);
      overround.push(americanProbability(hm) + americanProbability(am));
      if (spread !== undefined) {
        const d = Math.abs(devigMoneyline(hm, am) - spreadProbability(spread));
        disagreement.push(d);
        if (d > BOUNDS.moneylineSpreadMaxGap)
          flagged.push(`${o.game_id} ml ${hm}/${am} spread ${spread} gap ${d.toFixed(3)} ${o.qc_flag ?? ''}`);
      }
    }
  }
  const rows: [string, ReturnType<typeof range>][] = [
    ['team points', range(teamPts)],
    ['game total points', range(gameTotals)],
    ['home spread', range(spreads)],
    ['total line', range(totals)],
    ['American price', range(prices)],
    ['moneyline overround (sum of implied probabilities)', range(overround)],
    ['|de-vigged moneyline - spread probability (sd 12.4)|', range(disagreement)],
  ];
  const f = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(4));
  process.stdout.write(`| value | n | min | 0.1% | 99.9% | max |\n|---|---|---|---|---|---|\n`);
  for (const [name, r] of rows)
    process.stdout.write(`| ${name} | ${r.n} | ${f(r.min)} | ${f(r.p001)} | ${f(r.p999)} | ${f(r.max)} |\n`);
  process.stdout.write(`\nbounds in use: ${JSON.stringify(BOUNDS)}\n`);
  process.stdout.write(
    `odds rows whose moneyline and spread disagree by more than ${BOUNDS.moneylineSpreadMaxGap}: ${flagged.length}\n`,
  );
  for (const l of flagged) process.stdout.write(`  ${l}\n`);
}

main();
