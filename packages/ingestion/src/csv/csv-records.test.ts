import { csvRows } from './csv-rows';
import { closingLineOfCsvRow, gameOfCsvRow as csvGameOfRow, normaliseGameId, type CsvRow } from '@nba/games';
import { snapshotsOfCsvLine, storedGameOfCsv } from './csv-records';

// the CSV import's path: @nba/games' one mapping and validation, then the records to store
const gameOfCsvRow = (row: CsvRow) => storedGameOfCsv(csvGameOfRow(row));
const snapshotsOfCsvRow = (row: CsvRow) => snapshotsOfCsvLine(closingLineOfCsvRow(row));

describe('csvRows', () => {
  it('parses headers, quotes, CRLF and blank trailing lines', () => {
    const rows = csvRows('a,b,c\r\n1,"x, ""y""",3\r\n4,,6\r\n\r\n', ['a', 'c']);
    expect(rows).toEqual([
      { line: 2, values: { a: '1', b: 'x, "y"', c: '3' } },
      { line: 3, values: { a: '4', b: '', c: '6' } },
    ]);
  });

  it('names missing columns', () => {
    expect(() => csvRows('a,b\n1,2\n', ['a', 'season'])).toThrow(/lacks column\(s\) season/);
  });
});

describe('CSV records', () => {
  const row = (values: Record<string, string>) => ({ line: 7, values });

  it('maps historical codes in game ids to the current franchise', () => {
    expect(normaliseGameId('20080115_NJN_SEA')).toEqual({ key: '20080115_BKN_OKC', date: '2008-01-15' });
  });

  it('builds a final game and up to three closing-line snapshots', () => {
    const g = gameOfCsvRow(
      row({
        game_id: '20240101_BOS_LAL',
        season: '2024',
        date: '2024-01-01',
        home_team: 'LAL',
        away_team: 'BOS',
        home_pts: '100',
        away_pts: '99',
        game_type: 'regular',
        neutral_site: '',
      }),
    );
    expect(g).toMatchObject({ status: 'final', homeScore: 100, awayScore: 99, neutralSite: null, season: 2024 });
    const s = snapshotsOfCsvRow(
      row({ game_id: '20240101_BOS_LAL', home_ml: '', away_ml: '', spread_home: '-2.5', total: '230' }),
    );
    expect(s.map((x) => x.market)).toEqual(['spreads', 'totals']);
    expect(s[0]?.capturedAt.toISOString()).toBe('2024-01-01T15:00:00.000Z');
  });

  it('rejects rows that disagree with their game id or hold non-numbers', () => {
    expect(() =>
      gameOfCsvRow(
        row({
          game_id: '20240101_BOS_LAL',
          season: '2024',
          date: '2024-01-02',
          home_team: 'LAL',
          away_team: 'BOS',
          home_pts: '1',
          away_pts: '2',
          game_type: 'regular',
        }),
      ),
    ).toThrow(/disagrees/);
    expect(() =>
      gameOfCsvRow(
        row({
          game_id: '20240101_BOS_LAL',
          season: '2024',
          date: '2024-01-01',
          home_team: 'LAL',
          away_team: 'BOS',
          home_pts: 'x',
          away_pts: '2',
          game_type: 'regular',
        }),
      ),
    ).toThrow(/home_pts 'x'/);
    expect(() =>
      snapshotsOfCsvRow(row({ game_id: '20240101_BOS_LAL', home_ml: 'abc', away_ml: '', spread_home: '', total: '' })),
    ).toThrow(/home_ml/);
  });
});
