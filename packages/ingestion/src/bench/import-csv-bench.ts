// `pnpm bench`: times the CSV import of ../shared/data/nba into fresh databases (goal: < 15 s).
import { join } from 'node:path';
import { createTestDatabase, sharedDataDir } from '@nba/testing';
import { silentLogger } from '@nba/logging';
import { formatImportSummary, importCsv } from '../csv/import-csv';
import { envNumber, readEnv } from '@nba/config';
import { required } from '@nba/errors';

async function main(): Promise<void> {
  // absent outside CI: says why and skips; in CI: fails
  const dir = sharedDataDir();
  if (!dir) return;
  const runs = readEnv({ BENCH_RUNS: envNumber(3) }).BENCH_RUNS;
  const options = { gamesCsv: join(dir, 'games.csv'), oddsCsv: join(dir, 'odds.csv'), logger: silentLogger() };
  const fresh: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = await createTestDatabase({ prefix: 'nba_bench' });
    try {
      let t = process.hrtime.bigint();
      const first = await importCsv(db.client, options);
      fresh.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (i === 0) process.stdout.write(`first load: ${formatImportSummary(first)}\n`);
      t = process.hrtime.bigint();
      const second = await importCsv(db.client, options);
      again.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (i === 0) process.stdout.write(`re-run:     ${formatImportSummary(second)}\n`);
    } finally {
      await db.drop();
    }
  }
  const median = (xs: number[]) =>
    required([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)], 'a median of no runs');
  process.stdout.write(`\n| workload | median of ${runs} | runs (ms) |\n|---|---|---|\n`);
  process.stdout.write(
    `| load into an empty database (21,797 games, 63,401 snapshots) | ${(median(fresh) / 1000).toFixed(2)} s | ` +
      `${fresh.map((x) => x.toFixed(0)).join(', ')} |\n`,
  );
  process.stdout.write(
    `| second run (everything unchanged) | ${(median(again) / 1000).toFixed(2)} s | ${again.map((x) => x.toFixed(0)).join(', ')} |\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exitCode = 1;
});
