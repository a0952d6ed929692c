import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFile, sharedDataDir, sharedDataLocation } from './shared-data';

describe('sharedDataDir', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nba-shared-'));
  const empty = mkdtempSync(path.join(os.tmpdir(), 'nba-shared-empty-'));
  beforeAll(() => {
    for (const f of ['games.csv', 'odds.csv']) writeFileSync(path.join(dir, f), '');
  });
  afterAll(() => {
    for (const d of [dir, empty]) rmSync(d, { recursive: true, force: true });
  });

  it('is NBA_SHARED_DATA_DIR when set, else <repo>/../shared/data/nba', () => {
    expect(sharedDataLocation({ NBA_SHARED_DATA_DIR: dir })).toBe(dir);
    expect(sharedDataLocation({})).toBe(path.resolve(__dirname, '../../../../shared/data/nba'));
  });

  it('gives the folder when it holds games.csv and odds.csv', () => {
    expect(sharedDataDir({ NBA_SHARED_DATA_DIR: dir, CI: 'true' })).toBe(dir);
  });

  it('skips, saying why, where the data is absent outside CI', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(sharedDataDir({ NBA_SHARED_DATA_DIR: empty })).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`skipping: real NBA data not found in ${empty}`));
    } finally {
      warn.mockRestore();
    }
  });

  it('fails in CI where the data is absent', () => {
    expect(() => sharedDataDir({ NBA_SHARED_DATA_DIR: empty, CI: 'true' })).toThrow(
      `real NBA data not found in ${empty} (games.csv and odds.csv; set NBA_SHARED_DATA_DIR): in CI the tests that need it must run`,
    );
  });
});

describe('builtFile', () => {
  it('gives a file that exists, and names the fix for one that does not', () => {
    expect(builtFile(__filename)).toBe(__filename);
    expect(() => builtFile('/nowhere/dist/main.js')).toThrow(
      '/nowhere/dist/main.js is not built: run `pnpm build` first',
    );
  });
});
