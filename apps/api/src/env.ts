import { z } from 'zod';
import { databaseEnv, httpEnv, loggingEnv, parseEnv } from '@nba/config';
import { createLogger, type Logger } from '@nba/logging';
import { DEFAULT_MODEL_NAMES } from './served-models';

const positiveMs = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .default(fallback);

/** The API's own variables (besides logging, database and HTTP). */
export const apiEnv = {
  /** Registry names of the served models, comma-separated; the first is the default of every route. */
  MODEL_NAMES: z
    .string()
    .default(DEFAULT_MODEL_NAMES.join(','))
    .transform((v) => v.split(',').map((n) => n.trim()))
    .refine(
      (names) => names.every((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(n)),
      'must be model names separated by commas, e.g. nba-winner,nba-winner-stats',
    )
    .refine((names) => new Set(names).size === names.length, 'must not name a model twice'),
  /** Settled forecasts per model version the rolling record gauges of /metrics cover. */
  ROLLING_WINDOW_GAMES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .default(200),
  /** How often the registry is polled for a new production version (LISTEN/NOTIFY is the fast path); 0 disables polling. */
  MODEL_POLL_INTERVAL_MS: positiveMs(30_000),
  /** How often the feature state is brought up to date with newly final games; 0 disables. */
  FEATURE_REFRESH_INTERVAL_MS: positiveMs(300_000),
  /** One info log line per request (`true`/`false`, default false; 5xx are always logged). */
  ACCESS_LOG: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Forecasts kept for repeated on-demand requests (0 disables the cache). */
  PREDICT_CACHE_SIZE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .default(10_000),
  /** After SIGTERM, how long keep-alive connections get to close after their next answer (`Connection: close`) before idle ones are closed. */
  SHUTDOWN_DRAIN_MS: positiveMs(5_000),
  /** Then, how long shutdown waits for in-flight requests before closing connections. */
  SHUTDOWN_TIMEOUT_MS: positiveMs(10_000),
  /** The probes' own port (`/health`, `/ready` served by a worker thread, never behind page traffic); 0: one the OS assigns. */
  PROBE_PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8081),
};

const shape = { ...loggingEnv, ...databaseEnv, ...httpEnv, ...apiEnv };

/** The parsed environment of the API. */
export type ApiEnv = ReturnType<typeof readEnv>;

/** Every variable the API reads (checked against the deployment manifests). */
export const API_ENV_VARS: readonly string[] = Object.freeze(Object.keys(shape));

/** Parses `env` (the process's: `inheritedEnv()` from @nba/config); throws a `ConfigError` naming every bad variable. */
export function readEnv(env: Readonly<Record<string, string | undefined>>) {
  return parseEnv(shape, env);
}

/** The process logger: JSON lines, the database URL registered for redaction. */
export function createAppLogger(env: Pick<ApiEnv, 'LOG_LEVEL' | 'DATABASE_URL'>): Logger {
  // the API reads no upstream keys; its only secret is the database URL (password inside)
  return createLogger({ service: 'api', level: env.LOG_LEVEL, secrets: [env.DATABASE_URL] });
}
