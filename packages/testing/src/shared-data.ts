import { existsSync } from 'node:fs';
import path from 'node:path';
import { envText, readEnv } from '@nba/config';

/** The variables read here: where the data is, and whether this is CI. */
const sharedDataEnv = { NBA_SHARED_DATA_DIR: envText(), CI: envText() };
type SharedDataEnv = Partial<Record<keyof typeof sharedDataEnv, string>>;

/** Where the real NBA history is looked for: `NBA_SHARED_DATA_DIR`, else `<repo>/../shared/data/nba`. */
export function sharedDataLocation(env: SharedDataEnv = readEnv(sharedDataEnv)): string {
  return env.NBA_SHARED_DATA_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'nba');
}

/** True where the tests run in CI (`CI=true` or `1`, as `.ci/run` sets it): what a test needs must be there, never skipped. */
export function inCi(env: Pick<SharedDataEnv, 'CI'> = readEnv({ CI: envText() })): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * The folder of the real NBA history (games.csv and odds.csv; never copied into the repository).
 * Where it is absent, tests that need it skip, saying so; in CI its absence is an error instead, so
 * those tests (the leakage test among them) fail rather than pass by skipping.
 */
export function sharedDataDir(env: SharedDataEnv = readEnv(sharedDataEnv)): string | undefined {
  const dir = sharedDataLocation(env);
  if (existsSync(path.join(dir, 'games.csv')) && existsSync(path.join(dir, 'odds.csv'))) return dir;
  const reason = `real NBA data not found in ${dir} (games.csv and odds.csv; set NBA_SHARED_DATA_DIR)`;
  if (inCi(env)) throw new Error(`${reason}: in CI the tests that need it must run`);
  console.warn(`skipping: ${reason}`);
  return undefined;
}

/**
 * `file`, a build output that a test runs as its own process, or an error naming the fix. Such
 * tests never skip: `pnpm test` builds first (turbo's test task depends on build).
 */
export function builtFile(file: string): string {
  if (!existsSync(file))
    throw new Error(`${file} is not built: run \`pnpm build\` first (the root \`pnpm test\` builds before it tests)`);
  return file;
}
