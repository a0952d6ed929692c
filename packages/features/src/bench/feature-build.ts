// `pnpm bench`: time of one feature pass over the whole history, and over 4x the history
// (the history repeated with seasons and dates shifted by 20 years, so it stays one timeline).
import fs from 'node:fs';
import path from 'node:path';
import { envFlag, readEnv } from '@nba/config';
import { sharedDataDir } from '@nba/testing';
import { parseGamesCsv, parseOddsCsv, type ClosingLine, type GameRecord } from '@nba/games';
import { buildFeatures } from '../index';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Milliseconds of one call, starting from a collected heap (when run with --expose-gc) so one run's garbage is not billed to the next. */
function once(fn: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function repeated(
  games: GameRecord[],
  lines: Map<string, ClosingLine>,
  times: number,
): { games: GameRecord[]; lines: Map<string, ClosingLine> } {
  const outGames: GameRecord[] = [];
  const outLines = new Map<string, ClosingLine>();
  for (let k = 0; k < times; k++) {
    for (const g of games) {
      const id = `${g.id}#${k}`;
      outGames.push({
        ...g,
        id,
        season: g.season + 20 * k,
        date: `${Number(g.date.slice(0, 4)) + 20 * k}${g.date.slice(4)}`,
      });
      const l = lines.get(g.id);
      if (l) outLines.set(id, l);
    }
  }
  return { games: outGames, lines: outLines };
}

// absent outside CI: says why and skips; in CI: fails
const dir = sharedDataDir();
if (!dir) process.exit(0);
const t0 = process.hrtime.bigint();
const games = parseGamesCsv(fs.readFileSync(path.join(dir, 'games.csv'), 'utf8'));
const lines = parseOddsCsv(fs.readFileSync(path.join(dir, 'odds.csv'), 'utf8'));
const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
const x4 = repeated(games, lines, 4);
buildFeatures(games, lines); // warm-up
const runs = readEnv({ BENCH_QUICK: envFlag() }).BENCH_QUICK ? 3 : 7;
// Alternate the two sizes so both see the same machine load (the machine is shared).
const ones: number[] = [];
const fours: number[] = [];
for (let i = 0; i < runs; i++) {
  ones.push(once(() => buildFeatures(games, lines)));
  fours.push(once(() => buildFeatures(x4.games, x4.lines)));
}
const one = median(ones);
const four = median(fours);
const result = {
  games: games.length,
  parseCsvMs: Number(parseMs.toFixed(1)),
  buildMs: Number(one.toFixed(1)),
  games4x: x4.games.length,
  build4xMs: Number(four.toFixed(1)),
  ratio4x: Number((four / one).toFixed(2)),
  goals: { buildUnder2000Ms: one < 2000, ratio4xAtMost4_5: four / one <= 4.5 },
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
