#!/usr/bin/env node
// `import-csv --games games.csv [--odds odds.csv] [--database-url URL]`: loads the historical CSVs.
// An entry point, so it (unlike the library) reads argv and DATABASE_URL and sets the exit code.
import { createDbClient } from '@nba/db';
import { createLogger } from '@nba/logging';
import { formatImportSummary, importCsv } from '../csv/import-csv';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const gamesCsv = arg('games');
  const oddsCsv = arg('odds');
  const url = arg('database-url') ?? process.env.DATABASE_URL;
  if (!gamesCsv || !url) {
    process.stderr.write('usage: import-csv --games games.csv [--odds odds.csv] [--database-url URL (default $DATABASE_URL)]\n');
    return 2;
  }
  const logger = createLogger({ service: 'import-csv', secrets: [url] });
  const db = createDbClient(url);
  try {
    const summary = await importCsv(db, { gamesCsv, ...(oddsCsv ? { oddsCsv } : {}), logger });
    process.stdout.write(`${formatImportSummary(summary)}\n`);
    return summary.unreadable.length + summary.games.rejected + summary.snapshots.rejected > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`import-csv failed: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
