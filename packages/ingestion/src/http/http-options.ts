import type { Logger } from '@nba/logging';

/** What every upstream client takes (apps build it from env; packages never read env). */
export interface UpstreamClientOptions {
  /** e.g. `https://v1.basketball.api-sports.io`, or a stand-in's URL in tests and the demo. */
  baseUrl: string;
  apiKey: string;
  logger: Logger;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Cap on the whole call, waits included (default 60 s). */
  maxTotalMs?: number;
  /** Delay before the first retry; doubles each retry, with jitter (default 500 ms). */
  retryDelayMs?: number;
  /** Largest delay between two attempts (default 10 s). */
  maxRetryDelayMs?: number;
  /** Log a warning when the remaining quota drops below this (default 50). */
  quotaWarnBelow?: number;
  /**
   * Largest response body accepted, in bytes (default 10 MiB). Counted while the body streams in
   * (after decompression): a larger answer is dropped at the limit, so memory stays bounded, and
   * fails the request with the permanent `RESPONSE_TOO_LARGE` (no retry).
   */
  maxResponseBytes?: number;
}

export const DEFAULTS = {
  timeoutMs: 10_000,
  maxRetries: 4,
  maxTotalMs: 60_000,
  retryDelayMs: 500,
  maxRetryDelayMs: 10_000,
  quotaWarnBelow: 50,
  // A season of API-Basketball games is about 1.5 MB and The Odds API's odds about 0.5 MB.
  maxResponseBytes: 10 * 1024 * 1024,
} as const;
