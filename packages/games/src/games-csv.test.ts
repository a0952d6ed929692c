import { required } from '@nba/errors';

import { parseCsv } from './csv-reader';
import { gameOfCsvRow, normaliseGameId, parseGamesCsv, parseOddsCsv } from './index';

describe('CSV reader', () => {
  it('reads games with optional neutral flag and scores', () => {
    const games = parseGamesCsv(
      'game_id,season,date,home_team,away_team,home_pts,away_pts,is_playoffs,game_type,neutral_site\n' +
        '20231025_LAL_DEN,2024,2023-10-25,DEN,LAL,119,107,0,regular,\n' +
        '20200801_BOS_MIL,2020,2020-08-01,MIL,BOS,119,112,0,regular,1\n' +
        '20250101_BOS_MIL,2025,2025-01-01,MIL,BOS,,,0,playoffs,0\n',
    );
    expect(games[0]).toEqual({
      id: '20231025_LAL_DEN',
      season: 2024,
      date: '2023-10-25',
      home: 'DEN',
      away: 'LAL',
      homePts: 119,
      awayPts: 107,
      gameType: 'regular',
      neutral: null,
    });
    expect(games[1]?.neutral).toBe(true);
    expect(games[2]?.neutral).toBe(false);
    expect(games[2]?.homePts).toBeUndefined();
  });

  it('reads odds, keeping moneylines only in pairs', () => {
    const odds = parseOddsCsv(
      'game_id,home_ml,away_ml,spread_home,total,source,qc_flag\n' +
        '20240101_BOS_LAL,-150,130,-3.5,221,x,\n20240102_BOS_MIA,,,2,,x,ml_invalid_removed(-300/8)\n20240103_BOS_NYK,-150,,,,x,\n',
    );
    expect(odds.get('20240101_BOS_LAL')).toEqual({ homeMl: -150, awayMl: 130, spreadHome: -3.5, total: 221 });
    expect(odds.get('20240102_BOS_MIA')).toEqual({ spreadHome: 2 });
    expect(odds.get('20240103_BOS_NYK')).toEqual({});
  });

  it('splits quoted fields', () => {
    expect(Object.values(required(parseCsv('w,x,y,z\na,"b,c","d""e",\n').rows[0], 'the first row').values)).toEqual([
      'a',
      'b,c',
      'd"e',
      '',
    ]);
  });

  it('parses headers, quotes, CRLF and blank trailing lines, with the line each record starts on', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",3\r\n4,,6\r\n\r\n').rows).toEqual([
      { line: 2, values: { a: '1', b: 'x, "y"', c: '3' } },
      { line: 3, values: { a: '4', b: '', c: '6' } },
    ]);
  });

  it('splits records only outside quotes (a quoted line break stays in its field), with a BOM and mixed line ends', () => {
    const { columns, rows } = parseCsv('\uFEFFid, note \r\n1,"two\nlines"\n\n2,x\r3\n');
    expect(columns).toEqual(['id', 'note']);
    expect(rows).toEqual([
      { line: 2, values: { id: '1', note: 'two\nlines' } },
      { line: 5, values: { id: '2', note: 'x' } },
      { line: 6, values: { id: '3', note: '' } },
    ]);
  });

  it('refuses text that is not CSV', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n')).toThrow(/not valid CSV/);
  });

  it('rejects an unknown game type', () => {
    expect(() =>
      parseGamesCsv(
        'game_id,season,date,home_team,away_team,home_pts,away_pts,is_playoffs,game_type,neutral_site\nX,2020,2020-01-01,BOS,MIA,1,2,0,exhibition,0\n',
      ),
    ).toThrow(/game_type/);
  });

  it('names the file and line of the first bad row, and counts the rest', () => {
    expect(() =>
      parseGamesCsv(
        'game_id,season,date,home_team,away_team,home_pts,away_pts,game_type\n' +
          '20240101_BOS_LAL,2024,2024-01-02,LAL,BOS,1,2,regular\n20240102_BOS_LAL,2024,2024-01-02,LAL,BOS,1,,regular\n',
      ),
    ).toThrow("games.csv line 2: date '2024-01-02' disagrees with game_id '20240101_BOS_LAL' (and 1 more)");
    expect(() => parseGamesCsv('game_id,season\n1,2\n')).toThrow(/CSV header lacks column\(s\) date, home_team/);
  });
});

describe('games.csv rows (the one validation)', () => {
  const row = (values: Record<string, string>) => ({ line: 7, values });
  const game = {
    game_id: '20240101_BOS_LAL',
    season: '2024',
    date: '2024-01-01',
    home_team: 'LAL',
    away_team: 'BOS',
    home_pts: '100',
    away_pts: '99',
    game_type: 'regular',
  };

  it('maps historical codes in game ids to the current franchise', () => {
    expect(normaliseGameId('20080115_NJN_SEA')).toEqual({ key: '20080115_BKN_OKC', date: '2008-01-15' });
    expect(
      gameOfCsvRow(
        row({
          ...game,
          game_id: '20080115_NJN_SEA',
          date: '2008-01-15',
          season: '2008',
          home_team: 'SEA',
          away_team: 'NJN',
        }),
      ),
    ).toMatchObject({
      id: '20080115_BKN_OKC',
      home: 'OKC',
      away: 'BKN',
    });
  });

  it('rejects rows that disagree with their game id, hold non-numbers or half a score', () => {
    expect(() => gameOfCsvRow(row({ ...game, date: '2024-01-02' }))).toThrow(/disagrees/);
    expect(() => gameOfCsvRow(row({ ...game, home_team: 'MIA' }))).toThrow(/teams BOS@MIA disagree/);
    expect(() => gameOfCsvRow(row({ ...game, home_pts: 'x' }))).toThrow(/home_pts 'x'/);
    expect(() => gameOfCsvRow(row({ ...game, away_pts: '' }))).toThrow(/away_pts '' is not an integer/);
    expect(() => gameOfCsvRow(row({ ...game, neutral_site: 'y' }))).toThrow(/neutral_site 'y'/);
    expect(() => gameOfCsvRow(row({ ...game, home_team: 'Vancouver Grizzlies FC' }))).toThrow(
      "unknown team name 'Vancouver Grizzlies FC'",
    );
  });
});
