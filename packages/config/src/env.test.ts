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
      API_BASKETBALL_BASE_URL: 'http://127.0.0.1:4010',
    });
    expect(env.PORT).toBe(3000);
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.API_BASKETBALL_BASE_URL).toBe('http://127.0.0.1:4010');
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
});
