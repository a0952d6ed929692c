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
  retries?: number;
  /** Cap on the whole call, waits included (default 60 s). */
  maxTotalMs?: number;
  /** First backoff delay; doubles each retry with jitter (default 500 ms). */
  backoffMs?: number;
  /** Largest backoff delay (default 10 s). */
  maxBackoffMs?: number;
  /** Log a warning when the remaining quota drops below this (default 50). */
  quotaWarnBelow?: number;
}

export const DEFAULTS = {
  timeoutMs: 10_000,
  retries: 4,
  maxTotalMs: 60_000,
  backoffMs: 500,
  maxBackoffMs: 10_000,
  quotaWarnBelow: 50,
} as const;
