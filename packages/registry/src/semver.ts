import { RegistryError } from './registry-error';

// The official semver.org pattern (MAJOR.MINOR.PATCH, optional -prerelease and +build).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Parsed {
  core: [number, number, number];
  pre: string[];
}

/** True when `version` is a semantic version such as `1.2.0` or `2.0.0-rc.1`. */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
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

function parse(version: string): Parsed | undefined {
  const m = SEMVER.exec(version);
  if (!m) return undefined;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length; // a release outranks its pre-releases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Semver precedence: negative when a < b, 0 when equal (build metadata ignored). Non-semver sorts first, by text. */
export function compareSemver(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : a.localeCompare(b);
  for (let i = 0; i < 3; i++) {
    const d = pa.core[i]! - pb.core[i]!;
    if (d !== 0) return d;
  }
  return comparePre(pa.pre, pb.pre);
}
