#!/usr/bin/env node
// `import-csv --games games.csv [--odds odds.csv] [--database-url URL]`: loads the historical CSVs.
// An entry point, so it (unlike the library) reads argv and DATABASE_URL and exits with the code.
import {
  CliError,
  defineCommandLine,
  EXIT,
  EXIT_CODES_HELP,
  readableFile,
  type AddCommand,
  type CliIo,
  type ExitCode,
} from '@nba/cli';
import { createDbClient, databaseProblemOf } from '@nba/db';
import { createLogger } from '@nba/logging';
import { formatImportSummary, importCsv } from '../csv/import-csv';
import { inheritedEnv } from '@nba/config';

/** What `import-csv` gets from outside (`@nba/cli`'s convention). */
interface ImportCsvDeps extends CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface ImportCsvArgs {
  games: string;
  odds?: string;
  databaseUrl?: string;
}

async function importCommand(o: ImportCsvArgs, deps: ImportCsvDeps): Promise<ExitCode> {
  const url = o.databaseUrl ?? deps.env.DATABASE_URL;
  if (!url) throw new CliError('USAGE', '--database-url: not given and DATABASE_URL is not set');
  const logger = createLogger({ service: 'import-csv', secrets: [url] });
  const db = createDbClient(url);
  try {
    const summary = await importCsv(db, { gamesCsv: o.games, ...(o.odds ? { oddsCsv: o.odds } : {}), logger });
    deps.stdout.write(`${formatImportSummary(summary)}\n`);
    // rows left out are an outcome the summary already shows
    return summary.unreadable.length + summary.games.rejected + summary.snapshots.rejected > 0 ? EXIT.FAILED : EXIT.OK;
  } finally {
    await db.$disconnect();
  }
}

const addImport: AddCommand<ImportCsvDeps> = (program, deps) => {
  program
    .requiredOption('--games <file>', 'games.csv', readableFile(deps.cwd))
    .option('--odds <file>', 'odds.csv with closing lines', readableFile(deps.cwd))
    .option('--database-url <url>', 'the database (default $DATABASE_URL)')
    .action((o: ImportCsvArgs) => importCommand(o, deps));
};

const importCsvCli = defineCommandLine<ImportCsvDeps>({
  name: 'import-csv',
  description:
    'loads games.csv (and odds.csv) into the database; idempotent (a second run reports everything unchanged)',
  helpAfter: `${EXIT_CODES_HELP} A row left out (unreadable or rejected) is exit 1.`,
  commands: [addImport],
  failureLabel: 'import-csv failed',
  unavailable: (error, deps) => databaseProblemOf(error, deps.env.DATABASE_URL),
});

void importCsvCli
  .run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: inheritedEnv(),
    cwd: process.cwd(),
  })
  .then((code) => process.exit(code));
