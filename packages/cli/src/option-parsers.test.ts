import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { isoDate, outputFile, readableFile, wholeNumber } from './option-parsers';

describe('shared option parsers (a bad argument is commander usage, before any work)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nba-cli-'));
  writeFileSync(path.join(dir, 'games.csv'), 'game_id\n');

  test('readableFile resolves against the working folder and names why a file cannot be read', () => {
    expect(readableFile(dir)('games.csv')).toBe(path.join(dir, 'games.csv'));
    expect(() => readableFile(dir)('missing.csv')).toThrow(
      new InvalidArgumentError("cannot read 'missing.csv' (no such file)"),
    );
    expect(() => readableFile(dir)('.')).toThrow(new InvalidArgumentError("cannot read '.' (not a file)"));
  });

  test('outputFile needs an existing folder', () => {
    expect(outputFile(dir)('out.json')).toBe(path.join(dir, 'out.json'));
    expect(() => outputFile(dir)('nowhere/out.json')).toThrow(/the folder .*nowhere does not exist/);
  });

  test('wholeNumber and isoDate', () => {
    expect(wholeNumber('12')).toBe(12);
    expect(() => wholeNumber('1.5')).toThrow('must be a whole number');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => isoDate('2024-02-30')).toThrow(InvalidArgumentError);
  });
});
