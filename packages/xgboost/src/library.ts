import fs from 'node:fs';
import { envText, readEnv } from '@nba/config';
import koffi from 'koffi';
import { XGBoostError } from './errors';

/** The install hint included in every "library not found" error. */
export const INSTALL_HINT =
  'Install it with `apt-get install -y libxgboost0` (Debian/Ubuntu), or pass the path of libxgboost.so ' +
  'to loadLibrary(path) / set XGBOOST_LIBRARY_PATH.';

/** Names tried, in order, when no path is given (after XGBOOST_LIBRARY_PATH). */
export const DEFAULT_LIBRARY_CANDIDATES: readonly string[] = [
  'libxgboost.so',
  'libxgboost.so.0',
  '/usr/lib/x86_64-linux-gnu/libxgboost.so.0',
  '/usr/lib/aarch64-linux-gnu/libxgboost.so.0',
  '/usr/local/lib/libxgboost.so',
  '/usr/lib/libxgboost.so',
];

/** A libxgboost C API call: every one returns an int status (0 = success), checked by `check`. */
type Fn = (...args: unknown[]) => number;

/** Raw koffi bindings to the libxgboost C API (only the calls this package uses). */
export interface XGBoostBindings {
  readonly path: string;
  readonly version: readonly [number, number, number];
  XGBGetLastError: () => string | null;
  XGDMatrixCreateFromMat: Fn;
  XGDMatrixSetFloatInfo: Fn;
  XGDMatrixGetFloatInfo: Fn;
  XGDMatrixSetStrFeatureInfo: Fn;
  XGDMatrixGetStrFeatureInfo: Fn;
  XGDMatrixNumRow: Fn;
  XGDMatrixNumCol: Fn;
  XGDMatrixFree: Fn;
  XGBoosterCreate: Fn;
  XGBoosterFree: Fn;
  XGBoosterSetParam: Fn;
  XGBoosterUpdateOneIter: Fn;
  XGBoosterEvalOneIter: Fn;
  XGBoosterPredictFromDMatrix: Fn;
  XGBoosterPredictFromDense: Fn;
  XGBoosterSaveModelToBuffer: Fn;
  XGBoosterLoadModelFromBuffer: Fn;
  XGBoosterGetNumFeature: Fn;
  XGBoosterBoostedRounds: Fn;
  XGBoosterSetStrFeatureInfo: Fn;
  XGBoosterGetStrFeatureInfo: Fn;
  XGBoosterSetAttr: Fn;
  XGBoosterGetAttr: Fn;
}

// Pointer-sized out parameters for the fast in-place path are raw `void *` so that a
// pre-allocated BigUint64Array can be passed without koffi's out-parameter conversion.
const SIGNATURES: Record<Exclude<keyof XGBoostBindings, 'path' | 'version'>, string> = {
  XGBGetLastError: 'const char *XGBGetLastError()',
  XGDMatrixCreateFromMat:
    'int XGDMatrixCreateFromMat(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ void **out)',
  XGDMatrixSetFloatInfo: 'int XGDMatrixSetFloatInfo(void *h, const char *field, const float *array, uint64_t len)',
  XGDMatrixGetFloatInfo: 'int XGDMatrixGetFloatInfo(void *h, const char *field, _Out_ uint64_t *len, _Out_ void **out)',
  XGDMatrixSetStrFeatureInfo:
    'int XGDMatrixSetStrFeatureInfo(void *h, const char *field, const char **features, uint64_t size)',
  XGDMatrixGetStrFeatureInfo:
    'int XGDMatrixGetStrFeatureInfo(void *h, const char *field, _Out_ uint64_t *size, _Out_ void **out)',
  XGDMatrixNumRow: 'int XGDMatrixNumRow(void *h, _Out_ uint64_t *out)',
  XGDMatrixNumCol: 'int XGDMatrixNumCol(void *h, _Out_ uint64_t *out)',
  XGDMatrixFree: 'int XGDMatrixFree(void *h)',
  XGBoosterCreate: 'int XGBoosterCreate(void **dmats, uint64_t len, _Out_ void **out)',
  XGBoosterFree: 'int XGBoosterFree(void *h)',
  XGBoosterSetParam: 'int XGBoosterSetParam(void *h, const char *name, const char *value)',
  XGBoosterUpdateOneIter: 'int XGBoosterUpdateOneIter(void *h, int iter, void *dtrain)',
  XGBoosterEvalOneIter:
    'int XGBoosterEvalOneIter(void *h, int iter, void **dmats, const char **names, uint64_t len, _Out_ const char **out)',
  XGBoosterPredictFromDMatrix:
    'int XGBoosterPredictFromDMatrix(void *h, void *dmat, const char *config, _Out_ void **shape, _Out_ uint64_t *dim, _Out_ void **result)',
  XGBoosterPredictFromDense:
    'int XGBoosterPredictFromDense(void *h, const uint8_t *values, const uint8_t *config, void *proxy, void *shape, void *dim, void *result)',
  XGBoosterSaveModelToBuffer:
    'int XGBoosterSaveModelToBuffer(void *h, const char *config, _Out_ uint64_t *len, _Out_ void **out)',
  XGBoosterLoadModelFromBuffer: 'int XGBoosterLoadModelFromBuffer(void *h, const uint8_t *buf, uint64_t len)',
  XGBoosterGetNumFeature: 'int XGBoosterGetNumFeature(void *h, _Out_ uint64_t *out)',
  XGBoosterBoostedRounds: 'int XGBoosterBoostedRounds(void *h, _Out_ int *out)',
  XGBoosterSetStrFeatureInfo:
    'int XGBoosterSetStrFeatureInfo(void *h, const char *field, const char **features, uint64_t size)',
  XGBoosterGetStrFeatureInfo:
    'int XGBoosterGetStrFeatureInfo(void *h, const char *field, _Out_ uint64_t *size, _Out_ void **out)',
  XGBoosterSetAttr: 'int XGBoosterSetAttr(void *h, const char *key, const char *value)',
  XGBoosterGetAttr: 'int XGBoosterGetAttr(void *h, const char *key, _Out_ const char **out, _Out_ int *success)',
};

let active: XGBoostBindings | undefined;

function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function bind(lib: koffi.IKoffiLib, path: string): XGBoostBindings {
  const fns: Record<string, koffi.KoffiFunction> = {};
  for (const [name, sig] of Object.entries(SIGNATURES)) fns[name] = lib.func(sig);
  const versionFn = lib.func('void XGBoostVersion(_Out_ int *major, _Out_ int *minor, _Out_ int *patch)');
  const major = [0];
  const minor = [0];
  const patch = [0];
  versionFn(major, minor, patch);
  const version = [major[0] ?? 0, minor[0] ?? 0, patch[0] ?? 0] as const;
  return { ...(fns as unknown as XGBoostBindings), path, version };
}

function tryLoad(candidate: string): XGBoostBindings | Error {
  try {
    return bind(koffi.load(candidate), candidate);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * Loads libxgboost once per process and returns its bindings.
 *
 * With `path`, only that file is tried. Without it, the library already loaded is reused;
 * otherwise `XGBOOST_LIBRARY_PATH` (the only environment variable this package reads, through
 * `@nba/config`, as a default) and then {@link DEFAULT_LIBRARY_CANDIDATES} are tried in order.
 * Throws `XGBoostError('LIBRARY_NOT_FOUND')` with an install hint when nothing loads.
 */
export function loadLibrary(path?: string): XGBoostBindings {
  if (active) {
    if (path === undefined || path === active.path) return active;
    const real = realPath(path);
    if (real !== undefined && real === realPath(active.path)) return active;
    if (real === undefined && path.includes('/')) {
      throw new XGBoostError('LIBRARY_NOT_FOUND', `libxgboost not found at ${path}. ${INSTALL_HINT}`);
    }
    throw new XGBoostError(
      'INVALID_ARGUMENT',
      `libxgboost is already loaded from ${active.path}; cannot also load ${path} in the same process`,
    );
  }
  const fromEnv = readEnv({ XGBOOST_LIBRARY_PATH: envText() }).XGBOOST_LIBRARY_PATH;
  const candidates = path !== undefined ? [path] : [...(fromEnv ? [fromEnv] : []), ...DEFAULT_LIBRARY_CANDIDATES];
  const failures: string[] = [];
  for (const candidate of candidates) {
    const result = tryLoad(candidate);
    if (!(result instanceof Error)) {
      active = result;
      return result;
    }
    failures.push(`${candidate}: ${result.message}`);
  }
  throw new XGBoostError(
    'LIBRARY_NOT_FOUND',
    `libxgboost (XGBoost C library, 1.7.x) could not be loaded. ${INSTALL_HINT}\nTried:\n  ${failures.join('\n  ')}`,
  );
}

/** Version of the loaded libxgboost as "major.minor.patch". */
export function libraryVersion(): string {
  return loadLibrary().version.join('.');
}
