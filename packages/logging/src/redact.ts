/** Replacement written wherever a secret would have appeared. */
export const REDACTED = '[REDACTED]';

/** Keys whose values are always secret, compared case-insensitively with `-` and `_` ignored. */
const SECRET_KEYS = new Set(
  [
    'apiKey',
    'api_key',
    'authorization',
    'x-apisports-key',
    'x-api-key',
    'password',
    'secret',
    'token',
    'accessToken',
    'cookie',
    'set-cookie',
  ].map(normaliseKey),
);

/** Query parameters whose values are secret inside URLs and free text (`apiKey=…`). */
const SECRET_QUERY = /([?&;\s]|^)(api[_-]?key|apikey|key|token|access_token|password)=([^&\s"'#]+)/gi;
/** Credentials inside connection strings: `postgres://user:secret@host`. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]+:)([^@/\s]+)(@)/gi;

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** Is this object key one whose value must never be logged? */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normaliseKey(key));
}

/**
 * Holds the secrets one process knows about (API keys from its env) and scrubs them, plus
 * the patterns above, from any value: strings, arrays, plain objects and errors, nested.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers secret values; empty and very short values are ignored (they would match everywhere). */
  addSecrets(...values: (string | undefined | null)[]): void {
    for (const v of values) if (v && v.length >= 4) this.secrets.add(v);
  }

  /** Scrubs a string. */
  redactString(text: string): string {
    let out = text.replace(SECRET_QUERY, (_m, pre: string, key: string) => `${pre}${key}=${REDACTED}`);
    out = out.replace(URL_PASSWORD, (_m, pre: string, _pw: string, at: string) => `${pre}${REDACTED}${at}`);
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** Returns a deep copy of `value` with every secret replaced; never mutates the input. */
  redact(value: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => this.redact(v, seen));
    if (value instanceof Error) return this.redact(serializeError(value), seen);
    if (value instanceof Date) return value.toISOString();
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value))
      return `[${value.constructor.name} ${value.byteLength} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretKey(k) && v !== undefined && v !== null && v !== '' ? REDACTED : this.redact(v, seen);
    }
    return out;
  }
}

/** Plain-object form of an error: name, message, stack, code, and its cause chain. */
export function serializeError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  const extra = error as Error & { code?: unknown; status?: unknown; cause?: unknown };
  if (extra.code !== undefined) out.code = extra.code;
  if (extra.status !== undefined) out.status = extra.status;
  if (extra.cause !== undefined) out.cause = extra.cause instanceof Error ? serializeError(extra.cause) : extra.cause;
  return out;
}
