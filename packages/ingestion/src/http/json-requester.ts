import axios, { type AxiosInstance } from 'axios';
import pRetry from 'p-retry';
import { Redactor, type Logger } from '@nba/logging';
import { IngestionError } from '../ingestion-error';
import { parseRetryAfter } from './retry-after';
import { DEFAULTS, type UpstreamClientOptions } from './http-options';
import { errorOfStatus, errorOfTransport } from './classify';

/** A response as the clients see it: parsed JSON body and lower-cased headers. */
export interface JsonResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface JsonRequest<T> {
  path: string;
  params?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Sees the headers of every response, errors included (quota headers). */
  onHeaders?: (headers: Record<string, string>) => void;
  /** Turns a 2xx response into the result, throwing IngestionError (retryable or not) otherwise. */
  interpret: (response: JsonResponse) => T;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GET + JSON with per-attempt timeouts, retries with exponential backoff and jitter on network
 * errors, timeouts, 5xx and 429 (waiting at least `Retry-After`), no retry on other 4xx, and a cap
 * on the total time. Errors carry the path only: never the query string, where keys travel.
 */
export class JsonRequester {
  private readonly http: AxiosInstance;
  private readonly redactor = new Redactor();
  private readonly o: Required<Omit<UpstreamClientOptions, 'apiKey' | 'logger' | 'baseUrl'>>;

  constructor(
    readonly upstream: string,
    options: UpstreamClientOptions,
    private readonly logger: Logger,
  ) {
    this.redactor.addSecrets(options.apiKey);
    this.o = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      maxTotalMs: options.maxTotalMs ?? DEFAULTS.maxTotalMs,
      retryDelayMs: options.retryDelayMs ?? DEFAULTS.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
      quotaWarnBelow: options.quotaWarnBelow ?? DEFAULTS.quotaWarnBelow,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    };
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      // Statuses are classified here, not thrown by axios (whose errors embed the URL and headers).
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
      // Enforced while the body streams in: a larger body is dropped at the limit, never held whole.
      maxContentLength: this.o.maxResponseBytes,
    });
  }

  /** Scrubs keys from upstream-provided text before it goes into an error or a log. */
  scrub(text: string): string {
    return this.redactor.redactString(text);
  }

  /**
   * Runs the request with the retry policy; resolves to `interpret`'s result. The error it rejects
   * with keeps `retryable` as the upstream's answer implies (a caller such as the pipeline's own
   * retry reads it): false for a bad key, a spent quota or a wrong request, true when transient
   * faults outlasted this call's retries or time cap.
   */
  async get<T>(request: JsonRequest<T>): Promise<T> {
    const started = Date.now();
    const remaining = () => this.o.maxTotalMs - (Date.now() - started);
    let last: IngestionError | undefined;
    // Set when the call stops before its retries run out (permanent error, time cap).
    let stop: IngestionError | undefined;
    const attempt = async (): Promise<T> => {
      const budget = remaining();
      if (budget <= 0) throw new pRetry.AbortError((stop = this.budgetError(request.path, last)));
      try {
        return await this.once(request, Math.min(this.o.timeoutMs, budget));
      } catch (e) {
        last =
          e instanceof IngestionError
            ? e
            : new IngestionError('NETWORK', `${this.upstream} ${request.path}: ${this.scrub(String(e))}`);
        if (last.retryable) throw last;
        // p-retry calls no hook on an AbortError: say here why the call stops.
        this.logger.warn('upstream request failed; not retried', {
          upstream: this.upstream,
          path: request.path,
          code: last.code,
          status: last.status,
          error: last.message,
        });
        throw new pRetry.AbortError((stop = last));
      }
    };
    try {
      return await pRetry(attempt, {
        retries: this.o.maxRetries,
        factor: 2,
        minTimeout: this.o.retryDelayMs,
        maxTimeout: this.o.maxRetryDelayMs,
        randomize: true,
        onFailedAttempt: async (err) => {
          const e = last ?? err;
          const wait = e instanceof IngestionError && e.retryAfterMs !== undefined ? e.retryAfterMs : 0;
          this.logger.warn('upstream request failed', {
            upstream: this.upstream,
            path: request.path,
            attempt: err.attemptNumber,
            retriesLeft: err.retriesLeft,
            code: e instanceof IngestionError ? e.code : undefined,
            status: e instanceof IngestionError ? e.status : undefined,
            retryAfterMs: wait || undefined,
          });
          if (err.retriesLeft <= 0) return;
          if (wait > 0) {
            // Honour Retry-After (p-retry's own backoff follows); give up now if it cannot fit.
            if (wait >= remaining()) throw (stop = this.budgetError(request.path, last));
            await sleep(wait);
          }
        },
      });
    } catch (e) {
      // p-retry reports the most frequent error; the last one is the one that explains the failure.
      throw stop ?? last ?? new IngestionError('NETWORK', `${this.upstream} ${request.path}: ${this.scrub(String(e))}`);
    }
  }

  private budgetError(path: string, last: IngestionError | undefined): IngestionError {
    const code = last?.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'TIMEOUT';
    return new IngestionError(
      code,
      `${this.upstream} ${path}: gave up after ${this.o.maxTotalMs} ms${last ? ` (last error: ${last.message})` : ''}`,
      {
        // The cap ends this call, not the fault: a later call may well succeed.
        retryable: last?.retryable ?? true,
        ...(last ? { cause: last } : {}),
        ...(last?.status !== undefined ? { status: last.status } : {}),
      },
    );
  }

  private async once<T>(request: JsonRequest<T>, timeoutMs: number): Promise<T> {
    let res;
    try {
      res = await this.http.get<string>(request.path, {
        params: request.params,
        headers: request.headers,
        timeout: timeoutMs,
      });
    } catch (e) {
      throw errorOfTransport(
        this.upstream,
        request.path,
        e,
        { timeoutMs, maxResponseBytes: this.o.maxResponseBytes },
        (t) => this.scrub(t),
      );
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    request.onHeaders?.(headers);
    const text = typeof res.data === 'string' ? res.data : '';
    if (res.status < 200 || res.status >= 300) {
      throw errorOfStatus(
        this.upstream,
        request.path,
        res.status,
        this.scrub(text.slice(0, 300)),
        parseRetryAfter(headers['retry-after']),
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // A truncated body is usually a transient fault (dropped connection, proxy): worth a retry.
      throw new IngestionError('MALFORMED_RESPONSE', `${this.upstream} ${request.path}: response is not valid JSON`, {
        status: res.status,
        retryable: true,
      });
    }
    return request.interpret({ status: res.status, headers, body });
  }
}
