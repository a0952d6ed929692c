import { envText, readEnv } from '@nba/config';

/**
 * The server these tests create their databases on: `TEST_DATABASE_URL`, else the local default
 * (as `@nba/testing`'s testServerUrl, which this package cannot use: @nba/testing depends on it).
 */
export const TEST_SERVER_URL =
  readEnv({ TEST_DATABASE_URL: envText() }).TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
