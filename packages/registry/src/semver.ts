import { parse, compare, type SemVer } from 'semver';
import { RegistryError } from './registry-error';

/** `version` as the `semver` package reads it, only when written exactly in semver.org's form (no `v`, no spaces). */
function strict(version: string): SemVer | null {
  const parsed = parse(version);
  if (!parsed) return null;
  const canonical = parsed.build.length ? `${parsed.format()}+${parsed.build.join('.')}` : parsed.format();
  return canonical === version ? parsed : null;
}

/** True when `version` is a semantic version such as `1.2.0` or `2.0.0-rc.1`. */
export function isSemver(version: string): boolean {
  return strict(version) !== null;
}

/** Throws INVALID_VERSION unless `version` is a semantic version. */
export function assertSemver(name: string, version: string): void {
  if (!isSemver(version)) {
    throw new RegistryError(
      'INVALID_VERSION',
      `'${version}' is not a semantic version for model '${name}'; use MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.1.0-rc.1`,
    );
  }
}

/** Semver precedence: negative when a < b, 0 when equal (build metadata ignored). Non-semver sorts first, by text. */
export function compareSemver(a: string, b: string): number {
  const pa = strict(a);
  const pb = strict(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : a.localeCompare(b);
  return compare(pa, pb);
}
