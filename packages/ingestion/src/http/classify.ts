import { IngestionError } from '../ingestion-error';

/**
 * Words upstreams use when the plan's allowance is spent (The Odds API: "Usage quota has been
 * reached" / OUT_OF_USAGE_CREDITS; API-Sports through RapidAPI: 429 "You have exceeded the DAILY
 * quota"). Such an answer never changes before the quota resets, so it is not worth a retry.
 */
const QUOTA_WORDS = /quota|credits|daily limit|request limit/i;

/**
 * An error for a non-2xx status. Retryable: 429 (unless it says the quota is spent) and 5xx.
 * Permanent: 401/403 (key or plan), 400/404/422 (the request itself is wrong), any other status.
 */
export function errorOfStatus(
  upstream: string,
  path: string,
  status: number,
  bodyExcerpt: string,
  retryAfterMs: number | undefined,
): IngestionError {
  const where = `${upstream} ${path}: HTTP ${status}`;
  const detail = bodyExcerpt ? ` ${bodyExcerpt}` : '';
  if ((status === 429 || status === 401 || status === 403) && QUOTA_WORDS.test(bodyExcerpt)) {
    return new IngestionError('QUOTA_EXCEEDED', `${where} quota reached${detail}`, { status });
  }
  if (status === 429) {
    return new IngestionError('RATE_LIMITED', `${where} too many requests`, {
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status === 401) return new IngestionError('UNAUTHORIZED', `${where} (API key rejected)${detail}`, { status });
  if (status === 403)
    return new IngestionError('UNAUTHORIZED', `${where} (access refused: key or plan)${detail}`, { status });
  if (status === 400 || status === 404 || status === 422)
    return new IngestionError('BAD_PARAMETER', `${where}${detail}`, { status });
  if (status >= 500) return new IngestionError('UPSTREAM_ERROR', `${where}${detail}`, { status });
  return new IngestionError('UPSTREAM_ERROR', `${where}${detail}`, { status, retryable: false });
}

/**
 * An error for a request that got no response. The axios error is not kept as the cause: it holds
 * the request config, whose URL and headers carry the API key. A scrubbed summary is kept instead.
 */
export function errorOfTransport(
  upstream: string,
  path: string,
  e: unknown,
  limits: { timeoutMs: number; maxResponseBytes: number },
  scrub: (t: string) => string,
): IngestionError {
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const summary = new Error(scrub(err.message ?? String(e)));
  (summary as Error & { code?: string }).code = code || undefined;
  const timeoutMs = limits.timeoutMs;
  // axios stops reading at maxContentLength and says so in this message (code ERR_BAD_RESPONSE).
  if (/maxContentLength size of \d+ exceeded/.test(err.message ?? '')) {
    return new IngestionError(
      'RESPONSE_TOO_LARGE',
      `${upstream} ${path}: response larger than the limit of ${limits.maxResponseBytes} bytes`,
      {
        cause: summary,
        retryable: false,
      },
    );
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message ?? '')) {
    return new IngestionError('TIMEOUT', `${upstream} ${path}: no response within ${timeoutMs} ms`, { cause: summary });
  }
  return new IngestionError('NETWORK', `${upstream} ${path}: ${code || 'network error'}`, { cause: summary });
}
