import { IngestionError } from '../ingestion-error';

/** An error for a non-2xx status: 429 and 5xx are retryable, other 4xx are not. */
export function errorOfStatus(upstream: string, path: string, status: number, bodyExcerpt: string, retryAfterMs: number | undefined): IngestionError {
  const where = `${upstream} ${path}: HTTP ${status}`;
  const detail = bodyExcerpt ? ` ${bodyExcerpt}` : '';
  if (status === 429) {
    return new IngestionError('RATE_LIMITED', `${where} too many requests`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  if ((status === 401 || status === 403) && /quota|usage|credits/i.test(bodyExcerpt)) {
    return new IngestionError('QUOTA_EXCEEDED', `${where} quota reached${detail}`, { status });
  }
  if (status === 401 || status === 403) return new IngestionError('UNAUTHORIZED', `${where} (API key rejected)${detail}`, { status });
  if (status === 400 || status === 404 || status === 422) return new IngestionError('BAD_PARAMETER', `${where}${detail}`, { status });
  if (status >= 500) return new IngestionError('UPSTREAM_ERROR', `${where}${detail}`, { status });
  return new IngestionError('UPSTREAM_ERROR', `${where}${detail}`, { status, retryable: false });
}

/**
 * An error for a request that got no response. The axios error is not kept as the cause: it holds
 * the request config, whose URL and headers carry the API key. A scrubbed summary is kept instead.
 */
export function errorOfTransport(upstream: string, path: string, e: unknown, timeoutMs: number, scrub: (t: string) => string): IngestionError {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const summary = new Error(scrub(err.message ?? String(e)));
  (summary as Error & { code?: string }).code = code || undefined;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message ?? '')) {
    return new IngestionError('TIMEOUT', `${upstream} ${path}: no response within ${timeoutMs} ms`, { cause: summary });
  }
  return new IngestionError('NETWORK', `${upstream} ${path}: ${code || 'network error'}`, { cause: summary });
}
