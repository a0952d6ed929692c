import { ConfigError } from './config-error';
import { inheritedEnv, localDataEnv, readEnv } from './process-env';
import { loggingEnv } from './env';

describe('readEnv', () => {
  it("parses this process's environment with the shape, and names a bad variable", () => {
    const before = inheritedEnv();
    const restore = (name: string) =>
      before[name] === undefined ? Reflect.deleteProperty(process.env, name) : (process.env[name] = before[name]);
    try {
      process.env.LOG_LEVEL = 'debug';
      process.env.XDG_DATA_HOME = '';
      expect(readEnv({ ...loggingEnv, ...localDataEnv })).toEqual({ LOG_LEVEL: 'debug' });
      process.env.LOG_LEVEL = 'loud';
      expect(() => readEnv(loggingEnv)).toThrow(ConfigError);
      expect(() => readEnv(loggingEnv)).toThrow('LOG_LEVEL: must be one of');
    } finally {
      restore('LOG_LEVEL');
      restore('XDG_DATA_HOME');
    }
  });
});

describe('inheritedEnv', () => {
  it("copies this process's environment with the overrides, an undefined override removing a variable", () => {
    const env = inheritedEnv({ NBA_TEST_CHILD: '1', PATH: undefined });
    expect(env.NBA_TEST_CHILD).toBe('1');
    expect('PATH' in env).toBe(false);
    expect(env.HOME).toBe(inheritedEnv().HOME);
    // a copy: changing it leaves this process's environment alone
    env.NBA_TEST_CHILD = '2';
    expect(inheritedEnv().NBA_TEST_CHILD).toBeUndefined();
  });
});
