import fs from 'node:fs';
import path from 'node:path';

/** The shared NBA data folder (`<repo>/../shared/data/nba`, or NBA_SHARED_DATA_DIR), or null when absent. */
export function sharedDataDir(): string | null {
  const dir = process.env['NBA_SHARED_DATA_DIR'] ?? path.resolve(__dirname, '../../../../shared/data/nba');
  return fs.existsSync(path.join(dir, 'games.csv')) && fs.existsSync(path.join(dir, 'odds.csv')) ? dir : null;
}
