import { IngestionError } from '../ingestion-error';

/**
 * Turns a non-empty `errors` object (sent with HTTP 200) into a typed error: `token` is a bad or
 * missing key and `access` a suspended account, `requests` the daily quota, `rateLimit` the
 * per-minute rate (the only retryable one), anything else (a parameter, `plan` for a season the
 * plan does not cover) a request that will fail the same way every time.
 */
export function envelopeError(
  path: string,
  errors: Record<string, unknown>,
  scrub: (t: string) => string,
): IngestionError {
  const entries = Object.entries(errors);
  const text = scrub(entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; '));
  const keys = new Set(entries.map(([k]) => k.toLowerCase()));
  const where = `api-basketball ${path}`;
  if (keys.has('token'))
    return new IngestionError('UNAUTHORIZED', `${where}: API key rejected (${text})`, { status: 200 });
  if (keys.has('access'))
    return new IngestionError('UNAUTHORIZED', `${where}: account refused (${text})`, { status: 200 });
  if (keys.has('requests'))
    return new IngestionError('QUOTA_EXCEEDED', `${where}: daily quota reached (${text})`, { status: 200 });
  if (keys.has('ratelimit'))
    return new IngestionError('RATE_LIMITED', `${where}: rate limit (${text})`, { status: 200 });
  return new IngestionError('BAD_PARAMETER', `${where}: ${text}`, { status: 200 });
}
