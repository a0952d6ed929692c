#!/usr/bin/env node
// `pnpm db:migrate`: `nba-db migrate` (from @nba/db), which migrates DATABASE_URL, or, when it is
// unset, the embedded default under NBA_DATA_DIR.
import { localDataEnv, readEnv } from '@nba/config';
import { runDbCli } from '@nba/db/cli';
import { defaultDataDir, startEmbeddedPostgres } from './embedded';

runDbCli(({ dataDir, logger }) =>
  startEmbeddedPostgres({ dataDir: dataDir ?? defaultDataDir(readEnv(localDataEnv)), logger }),
);
