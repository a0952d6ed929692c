import { z } from 'zod';
import { ConfigError } from './config-error';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const secret = z.string().trim().min(1, 'must not be empty').optional();

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
};

/** Upstream APIs: keys (unset means demo mode against local stand-ins) and base URLs. */
export const upstreamEnv = {
  API_BASKETBALL_KEY: secret,
  THE_ODDS_API_KEY: secret,
  API_BASKETBALL_BASE_URL: httpUrl.default('https://v1.basketball.api-sports.io'),
  THE_ODDS_API_BASE_URL: httpUrl.default('https://api.the-odds-api.com/v4'),
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

/**
 * Parses `env` with an object schema composed from the pieces above. On failure throws one
 * `ConfigError` naming every bad variable and why; values are never included in the message.
 */
export function parseEnv<S extends z.ZodRawShape>(shape: S, env: Record<string, string | undefined>): z.infer<z.ZodObject<S>> {
  // Empty strings count as unset, as shells and Kubernetes often produce them.
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? '(root)'),
    problem: issue.code === 'invalid_type' && !(String(issue.path[0]) in cleaned) ? 'is required' : issue.message,
  }));
  const lines = issues.map((i) => `  ${i.variable}: ${i.problem}`);
  throw new ConfigError('INVALID_ENV', `Invalid environment (${issues.length} problem${issues.length > 1 ? 's' : ''}):\n${lines.join('\n')}`, issues);
}
