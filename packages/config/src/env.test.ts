import { ConfigError } from './config-error';
import { databaseEnv, httpEnv, loggingEnv, parseEnv, upstreamEnv } from './env';

const shape = { ...loggingEnv, ...databaseEnv, ...upstreamEnv, ...httpEnv };

function failure(env: Record<string, string>): ConfigError {
  try {
    parseEnv(shape, env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected parseEnv to fail');
}

describe('parseEnv', () => {
  it('applies defaults to an empty environment', () => {
    const env = parseEnv(shape, {});
    expect(env).toMatchObject({
      LOG_LEVEL: 'info',
      PORT: 8080,
      API_BASKETBALL_BASE_URL: 'https://v1.basketball.api-sports.io',
      THE_ODDS_API_BASE_URL: 'https://api.the-odds-api.com/v4',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.THE_ODDS_API_KEY).toBeUndefined();
  });

  it('accepts a full valid environment, coercing PORT', () => {
    const env = parseEnv(shape, {
      LOG_LEVEL: 'debug',
      PORT: '3000',
      DATABASE_URL: 'postgresql://u:p@localhost:5432/nba',
      THE_ODDS_API_KEY: 'abc',
      API_BASKETBALL_KEY: 'def',
      API_BASKETBALL_BASE_URL: 'http://127.0.0.1:4010',
    });
    expect(env.PORT).toBe(3000);
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.API_BASKETBALL_BASE_URL).toBe('http://127.0.0.1:4010');
  });

  it('reads the upstream response limits in bytes (default 10 MiB) and names a bad one', () => {
    expect(parseEnv(shape, {})).toMatchObject({
      API_BASKETBALL_MAX_RESPONSE_BYTES: 10_485_760,
      THE_ODDS_API_MAX_RESPONSE_BYTES: 10_485_760,
    });
    expect(parseEnv(shape, { THE_ODDS_API_MAX_RESPONSE_BYTES: '2000000' }).THE_ODDS_API_MAX_RESPONSE_BYTES).toBe(
      2_000_000,
    );
    const err = failure({ API_BASKETBALL_MAX_RESPONSE_BYTES: '10MB' });
    expect(err.message).toContain('API_BASKETBALL_MAX_RESPONSE_BYTES: must be a number of bytes');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv(shape, { PORT: '', THE_ODDS_API_KEY: '' }).PORT).toBe(8080);
  });

  it('names every bad variable in one error', () => {
    const err = failure({
      LOG_LEVEL: 'loud',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      API_BASKETBALL_BASE_URL: 'ftp://example.com',
      THE_ODDS_API_BASE_URL: 'not a url',
    });
    expect(err.code).toBe('INVALID_ENV');
    expect(err.issues.map((i) => i.variable).sort()).toEqual(
      ['API_BASKETBALL_BASE_URL', 'DATABASE_URL', 'LOG_LEVEL', 'PORT', 'THE_ODDS_API_BASE_URL'].sort(),
    );
    expect(err.message).toContain('LOG_LEVEL: must be one of error, warn, info');
    expect(err.message).toContain('PORT: must be a number');
    expect(err.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  });

  it('rejects out-of-range and fractional ports', () => {
    expect(failure({ PORT: '70000' }).message).toContain('PORT: must be between 0 and 65535');
    expect(failure({ PORT: '80.5' }).message).toContain('PORT: must be a whole number');
  });

  it('never prints a secret value', () => {
    const err = failure({ THE_ODDS_API_KEY: '   ', DATABASE_URL: 'mysql://user:topsecretpw@h/db' });
    expect(err.message).toContain('THE_ODDS_API_KEY: must not be empty');
    expect(err.message).not.toContain('topsecretpw');
  });

  it('takes the two upstream keys both or neither: one alone names the missing one, without values', () => {
    expect(parseEnv(shape, {}).API_BASKETBALL_KEY).toBeUndefined();
    expect(parseEnv(shape, { API_BASKETBALL_KEY: 'k1', THE_ODDS_API_KEY: 'k2' })).toMatchObject({
      API_BASKETBALL_KEY: 'k1',
      THE_ODDS_API_KEY: 'k2',
    });
    const odds = failure({ API_BASKETBALL_KEY: 'secret-basketball-key' });
    expect(odds.issues.map((i) => i.variable)).toEqual(['THE_ODDS_API_KEY']);
    expect(odds.issues[0]?.problem).toContain('is required when API_BASKETBALL_KEY is set');
    expect(odds.message).not.toContain('secret-basketball-key');
    const basketball = failure({ THE_ODDS_API_KEY: 'secret-odds-key', PORT: 'x' });
    expect(basketball.issues.map((i) => i.variable).sort()).toEqual(['API_BASKETBALL_KEY', 'PORT']);
    // an empty value counts as unset
    expect(failure({ API_BASKETBALL_KEY: 'k1', THE_ODDS_API_KEY: '' }).issues[0]?.variable).toBe('THE_ODDS_API_KEY');
    // a schema without the keys (the API's) is not affected
    expect(() => parseEnv(loggingEnv, { API_BASKETBALL_KEY: 'k1' })).not.toThrow();
  });

  it('reads the database timeouts, with defaults of a few seconds', () => {
    expect(parseEnv(shape, {})).toMatchObject({
      DB_CONNECT_TIMEOUT_MS: 5000,
      DB_POOL_TIMEOUT_MS: 5000,
      DB_STATEMENT_TIMEOUT_MS: 10000,
    });
    expect(parseEnv(shape, { DB_STATEMENT_TIMEOUT_MS: '250' }).DB_STATEMENT_TIMEOUT_MS).toBe(250);
    expect(failure({ DB_CONNECT_TIMEOUT_MS: '0' }).message).toContain('DB_CONNECT_TIMEOUT_MS: must be 1 or more');
  });
});
