import { ConfigError } from '@nba/config';
import { API_ENV_VARS, readEnv } from './env';

test('defaults', () => {
  const env = readEnv({});
  expect(env).toMatchObject({
    PORT: 8080,
    PROBE_PORT: 8081,
    HOST: '0.0.0.0',
    LOG_LEVEL: 'info',
    MODEL_NAMES: ['nba-winner', 'nba-winner-stats'],
    ROLLING_WINDOW_GAMES: 200,
    MODEL_POLL_INTERVAL_MS: 30_000,
    FEATURE_REFRESH_INTERVAL_MS: 300_000,
    SHUTDOWN_TIMEOUT_MS: 10_000,
    ACCESS_LOG: false,
    PREDICT_CACHE_SIZE: 10_000,
  });
  expect(env.DATABASE_URL).toBeUndefined();
});

test('values are parsed', () => {
  const env = readEnv({
    PORT: '3000',
    MODEL_NAMES: 'nba-test, nba-test-stats',
    ACCESS_LOG: 'true',
    PREDICT_CACHE_SIZE: '0',
    DATABASE_URL: 'postgresql://u:p@db:5432/nba',
  });
  expect(env).toMatchObject({
    PORT: 3000,
    MODEL_NAMES: ['nba-test', 'nba-test-stats'],
    ACCESS_LOG: true,
    PREDICT_CACHE_SIZE: 0,
    DATABASE_URL: 'postgresql://u:p@db:5432/nba',
  });
});

test('PROBE_PORT is a port number', () => {
  expect(readEnv({ PROBE_PORT: '9090' }).PROBE_PORT).toBe(9090);
  expect(() => readEnv({ PROBE_PORT: '70000' })).toThrow(/PROBE_PORT: must be between 0 and 65535/);
});

test('MODEL_NAMES must be model names, each once', () => {
  expect(() => readEnv({ MODEL_NAMES: 'nba-winner,,x' })).toThrow(
    /MODEL_NAMES: must be model names separated by commas/,
  );
  expect(() => readEnv({ MODEL_NAMES: 'a,a' })).toThrow(/MODEL_NAMES: must not name a model twice/);
});

test('every bad variable is named at once, never its value', () => {
  let error: unknown;
  try {
    readEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@x/y', ACCESS_LOG: 'maybe', MODEL_POLL_INTERVAL_MS: '-5' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  for (const v of ['PORT', 'DATABASE_URL', 'ACCESS_LOG', 'MODEL_POLL_INTERVAL_MS']) expect(message).toContain(v);
  expect(message).not.toContain('secret');
});

test('API_ENV_VARS lists every variable read', () => {
  expect([...API_ENV_VARS].sort()).toEqual(
    [
      'ACCESS_LOG',
      'DATABASE_URL',
      'DB_CONNECT_TIMEOUT_MS',
      'DB_POOL_TIMEOUT_MS',
      'DB_STATEMENT_TIMEOUT_MS',
      'FEATURE_REFRESH_INTERVAL_MS',
      'HOST',
      'LOG_LEVEL',
      'MODEL_NAMES',
      'MODEL_POLL_INTERVAL_MS',
      'NBA_DATA_DIR',
      'PORT',
      'PREDICT_CACHE_SIZE',
      'PROBE_PORT',
      'ROLLING_WINDOW_GAMES',
      'SHUTDOWN_DRAIN_MS',
      'SHUTDOWN_TIMEOUT_MS',
    ].sort(),
  );
});
