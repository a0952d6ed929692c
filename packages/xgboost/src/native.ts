import koffi from 'koffi';
import { XGBoostError } from './errors';
import type { XGBoostBindings } from './library';

/** Throws `XGBoostError('CALL_FAILED')` with XGBoost's last error when `rc` is non-zero. */
export function check(lib: XGBoostBindings, rc: number, call: string): void {
  if (rc === 0) return;
  const raw = String(lib.XGBGetLastError() ?? '');
  // XGBoost appends a native backtrace; keep only its message.
  const message = raw.split('\nStack trace:')[0]?.trim() || 'unknown error';
  throw new XGBoostError('CALL_FAILED', `${call} failed: ${message}`);
}

/** Reads the pointer written into a one-element out array; throws if XGBoost left it NULL. */
export function outPointer(out: unknown[], call: string): unknown {
  const p = out[0];
  if (p === null || p === undefined) throw new XGBoostError('CALL_FAILED', `${call} returned a null pointer`);
  return p;
}

/** Reads a `const char *` out value: the string XGBoost wrote, or undefined where it left NULL. */
export function outString(out: unknown[]): string | undefined {
  const s = out[0];
  return typeof s === 'string' ? s : undefined;
}

/** Reads a `uint64_t` out value as a JS number. */
export function outCount(out: unknown[]): number {
  return Number(out[0] ?? 0);
}

/** Copies `len` floats from XGBoost-owned memory into a new JS-owned Float32Array. */
export function copyFloats(ptr: unknown, len: number): Float32Array {
  if (len === 0) return new Float32Array(0);
  return new Float32Array(koffi.view(ptr, len * 4).slice(0));
}

/** Copies `len` bytes from XGBoost-owned memory into a new Buffer. */
export function copyBytes(ptr: unknown, len: number): Buffer {
  if (len === 0) return Buffer.alloc(0);
  return Buffer.from(new Uint8Array(koffi.view(ptr, len)));
}

/** Copies an XGBoost `const char **` array of `len` strings into JS strings. */
export function copyStrings(ptr: unknown, len: number): string[] {
  if (len === 0) return [];
  const strings: string[] = [];
  for (let i = 0; i < len; i++) strings.push(String(koffi.decode(ptr, i * 8, 'const char *')));
  return strings;
}

/** Decodes `dim` uint64 shape values (copied) from XGBoost-owned memory. */
export function copyShape(ptr: unknown, dim: number): number[] {
  if (dim === 0) return [];
  const view = new BigUint64Array(koffi.view(ptr, dim * 8));
  return Array.from(view, (v) => Number(v));
}

/** Formats a JS value as the string XGBoostSetParam expects. */
export function paramValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
