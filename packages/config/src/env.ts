import { z } from 'zod';
import { ConfigError } from './config-error';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const secret = z.string().trim().min(1, 'must not be empty').optional();
/** A positive whole number of milliseconds, with a default. */
const ms = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .default(fallback);

/** A size in bytes (a whole number from 1 KiB), with a default. */
const bytes = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number')
    .min(1024, 'must be 1024 or more')
    .default(fallback);

/** Logging: `LOG_LEVEL` (default `info`). */
export const loggingEnv = {
  LOG_LEVEL: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }).default('info'),
};

/**
 * Database: `DATABASE_URL` (a postgres:// URL; unset means the embedded PostgreSQL) and
 * `NBA_DATA_DIR` (where the embedded database and other local state live).
 */
export const databaseEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  NBA_DATA_DIR: z.string().min(1, 'must not be empty').optional(),
  /** Longest wait for a new database connection to open. */
  DB_CONNECT_TIMEOUT_MS: ms(5_000),
  /** Longest wait for a free connection from the pool. */
  DB_POOL_TIMEOUT_MS: ms(5_000),
  /** Longest a single SQL statement may run before the server cancels it. */
  DB_STATEMENT_TIMEOUT_MS: ms(10_000),
};

/**
 * Upstream APIs: keys and base URLs. The two keys come both or neither (see {@link PAIRED_ENV_VARS}):
 * neither means demo mode against local stand-ins; one alone is a configuration error, so a missing
 * secret never silently switches a production job to generated data.
 */
export const upstreamEnv = {
  API_BASKETBALL_KEY: secret,
  THE_ODDS_API_KEY: secret,
  API_BASKETBALL_BASE_URL: httpUrl.default('https://v1.basketball.api-sports.io'),
  THE_ODDS_API_BASE_URL: httpUrl.default('https://api.the-odds-api.com/v4'),
  /** Largest response body read from each upstream, in bytes (default 10 MiB): a larger one fails that request, not retried. */
  API_BASKETBALL_MAX_RESPONSE_BYTES: bytes(10 * 1024 * 1024),
  THE_ODDS_API_MAX_RESPONSE_BYTES: bytes(10 * 1024 * 1024),
};

/** HTTP server: `PORT` (default 8080) and `HOST` (default 0.0.0.0). */
export const httpEnv = {
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
};

/** Variables whose values are secrets: never printed, registered with the log redactor. */
export const SECRET_ENV_VARS = ['API_BASKETBALL_KEY', 'THE_ODDS_API_KEY', 'DATABASE_URL'] as const;

/** Variables that must be set together or not at all: with one of a group set, the others are required. */
export const PAIRED_ENV_VARS: readonly (readonly string[])[] = [['API_BASKETBALL_KEY', 'THE_ODDS_API_KEY']];

/**
 * Parses `env` with an object schema composed from the pieces above. On failure throws one
 * `ConfigError` naming every bad variable and why; values are never included in the message.
 */
export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined>,
): z.infer<z.ZodObject<S>> {
  // Empty strings count as unset, as shells and Kubernetes often produce them.
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;
  const result = z.object(shape).safeParse(cleaned);
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(root)'),
        problem: issue.code === 'invalid_type' && !(String(issue.path[0]) in cleaned) ? 'is required' : issue.message,
      }));
  for (const group of PAIRED_ENV_VARS) {
    if (!group.every((k) => k in shape)) continue;
    const set = group.filter((k) => k in cleaned);
    if (set.length === 0 || set.length === group.length) continue;
    for (const k of group.filter((g) => !set.includes(g))) {
      issues.push({
        variable: k,
        problem: `is required when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set (set both keys for the real APIs, or neither for demo mode)`,
      });
    }
  }
  if (result.success && issues.length === 0) return result.data;
  const lines = issues.map((i) => `  ${i.variable}: ${i.problem}`);
  throw new ConfigError(
    'INVALID_ENV',
    `Invalid environment (${issues.length} problem${issues.length > 1 ? 's' : ''}):\n${lines.join('\n')}`,
    issues,
  );
}
