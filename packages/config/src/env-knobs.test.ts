import { ConfigError } from './config-error';
import { parseEnv } from './env';
import { envFlag, envNumber, envNumberList, envText } from './env-knobs';

const shape = { QUICK: envFlag(), NAME: envText(), RUNS: envNumber(3), SEASONS: envNumberList([2016, 2017]) };

describe('env knobs', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseEnv(shape, {})).toEqual({ QUICK: false, NAME: undefined, RUNS: 3, SEASONS: [2016, 2017] });
    expect(parseEnv(shape, { QUICK: '' }).QUICK).toBe(false);
  });

  it('reads set values', () => {
    expect(parseEnv(shape, { QUICK: '1', NAME: 'x', RUNS: '7', SEASONS: '2020, 2021,2022' })).toEqual({
      QUICK: true,
      NAME: 'x',
      RUNS: 7,
      SEASONS: [2020, 2021, 2022],
    });
  });

  it('names a bad number or list', () => {
    expect(() => parseEnv(shape, { RUNS: 'many' })).toThrow(ConfigError);
    expect(() => parseEnv(shape, { RUNS: 'many' })).toThrow('RUNS: must be a number');
    expect(() => parseEnv(shape, { SEASONS: '2020;2021' })).toThrow('SEASONS: must be comma-separated numbers');
  });
});
