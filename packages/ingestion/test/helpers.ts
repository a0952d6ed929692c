import type { Logger } from '@nba/logging';
import { generateLeague, type League } from '@nba/demo';

export interface LogLine {
  level: string;
  message: string;
  meta?: Record<string, unknown>;
}

/** A Logger that keeps raw lines, unredacted, so tests can prove nothing secret was ever logged. */
export function captureLogger(
  lines: LogLine[] = [],
  context: Record<string, unknown> = {},
): Logger & { lines: LogLine[] } {
  const log = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push({ level, message, meta: { ...context, ...meta } });
  };
  return {
    lines,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: (ctx) => captureLogger(lines, { ...context, ...ctx }),
  };
}

let cached: League | undefined;
/** The generated 2024-25 league used across tests (seed 7). */
export function testLeague(): League {
  cached ??= generateLeague({ season: 2025, seed: 7 });
  return cached;
}

/** Fast retry settings for tests: short timeouts and backoff so fault runs take milliseconds. */
export const FAST = {
  timeoutMs: 300,
  maxRetries: 5,
  maxTotalMs: 20_000,
  retryDelayMs: 5,
  maxRetryDelayMs: 40,
} as const;
