import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `<repo>/../shared/data/nba`, or `NBA_SHARED_DATA_DIR`; undefined (with the reason logged) when absent. */
export function sharedDataDir(): string | undefined {
  const dir = process.env.NBA_SHARED_DATA_DIR ?? resolve(__dirname, '../../../../shared/data/nba');
  if (existsSync(join(dir, 'games.csv')) && existsSync(join(dir, 'odds.csv'))) return dir;
  // eslint-disable-next-line no-console
  console.warn(`skipping: real NBA data not found in ${dir} (set NBA_SHARED_DATA_DIR)`);
  return undefined;
}
