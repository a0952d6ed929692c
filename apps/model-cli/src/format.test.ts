import { CommanderError, InvalidArgumentError } from 'commander';
import { DbError } from '@nba/db';
import { RegistryError } from '@nba/registry';
import { CliError } from '@nba/cli';
import { exitCodeFor } from './exit-code';
import { parseRef } from './commands/compare';
import { num, when } from './format';

describe('formatting', () => {
  test('num and when', () => {
    expect(num(0.123456)).toBe('0.1235');
    expect(num(0.02, true)).toBe('+0.0200');
    expect(num(-0.02, true)).toBe('-0.0200');
    expect(num(null)).toBe('-');
    expect(when(new Date('2024-03-01T12:34:56Z'))).toBe('2024-03-01 12:34Z');
    expect(when(null)).toBe('-');
  });
});

describe('parseRef', () => {
  test('splits NAME:VERSION at the last colon', () => {
    expect(parseRef('winner:1.1.0')).toEqual({ name: 'winner', version: '1.1.0' });
    expect(parseRef('ns:winner:2.0.0-rc.1')).toEqual({ name: 'ns:winner', version: '2.0.0-rc.1' });
  });
  test.each(['winner', ':1.0.0', 'winner:'])('refuses %j', (v) => {
    expect(() => parseRef(v)).toThrow(InvalidArgumentError);
  });
});

describe('exit codes', () => {
  test('0 ok, 1 failed or declined, 2 bad usage, 3 database unusable', () => {
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', ''))).toBe(0);
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownCommand', ''))).toBe(2);
    expect(exitCodeFor(new CliError('USAGE', ''))).toBe(2);
    expect(exitCodeFor(new CliError('ABORTED', ''))).toBe(1);
    expect(exitCodeFor(new RegistryError('INVALID_VERSION', ''))).toBe(2);
    expect(exitCodeFor(new RegistryError('NO_PRODUCTION', ''))).toBe(1);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
    expect(exitCodeFor(new DbError('NOT_MIGRATED', 'not migrated'))).toBe(3);
    expect(
      exitCodeFor(
        new CliError('FAILED', 'refused', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        }),
      ),
    ).toBe(3);
  });
});
