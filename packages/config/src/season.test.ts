import { ConfigError } from './config-error';
import {
  apiBasketballSeason,
  parseIsoDate,
  seasonDates,
  seasonFromApiBasketball,
  seasonLabel,
  seasonOfDate,
  SUPPORTED_DATES,
} from './season';

describe('seasonOfDate', () => {
  it.each([
    ['2023-10-24', 2024], // opening night 2023-24
    ['2023-12-31', 2024],
    ['2024-01-01', 2024],
    ['2024-06-17', 2024], // Finals
    ['2024-07-31', 2024],
    ['2024-08-01', 2025], // off-season belongs to the coming season
    ['2011-12-25', 2012], // lockout season started on Christmas Day
    ['2011-11-15', 2012], // lockout: no games, still the 2011-12 season
    ['2020-03-11', 2020], // pause
    ['2020-08-15', 2020], // bubble restart
    ['2020-10-11', 2020], // bubble Finals game 6
    ['2020-10-12', 2021], // after the bubble
    ['2020-12-22', 2021], // December start
    ['2021-07-20', 2021], // Finals in July
  ])('%s belongs to %i', (date, season) => {
    expect(seasonOfDate(date)).toBe(season);
  });

  it('rejects impossible and malformed dates', () => {
    expect(() => seasonOfDate('2023-02-30')).toThrow(ConfigError);
    expect(() => seasonOfDate('2023-2-3')).toThrow("invalid date '2023-2-3'");
    expect(() => parseIsoDate('yesterday')).toThrow(/YYYY-MM-DD/);
  });
});

describe('supported dates', () => {
  it('run from the first known season to five seasons past the last known one', () => {
    expect(SUPPORTED_DATES).toMatchObject({
      from: '2007-08-01',
      to: '2030-07-31',
      firstSeason: 2008,
      lastSeason: 2030,
    });
    expect(SUPPORTED_DATES.range).toBe('from 2007-08-01 to 2030-07-31 (seasons 2007-08 to 2029-30)');
    expect(seasonOfDate(SUPPORTED_DATES.from)).toBe(SUPPORTED_DATES.firstSeason);
    expect(seasonOfDate(SUPPORTED_DATES.to)).toBe(SUPPORTED_DATES.lastSeason);
  });

  it('accepts both bounds', () => {
    expect(parseIsoDate('2007-08-01')).toEqual({ year: 2007, month: 8, day: 1 });
    expect(parseIsoDate('2030-07-31')).toEqual({ year: 2030, month: 7, day: 31 });
  });

  it.each(['0000-01-01', '1999-12-31', '2007-07-31', '2030-08-01', '9999-12-31'])(
    'refuses %s, naming the range',
    (date) => {
      expect(() => parseIsoDate(date)).toThrow(ConfigError);
      expect(() => parseIsoDate(date)).toThrow(
        `invalid date '${date}': must be from 2007-08-01 to 2030-07-31 (seasons 2007-08 to 2029-30)`,
      );
    },
  );

  it('gives no season outside the range (no season 10000)', () => {
    expect(() => seasonOfDate('9999-12-31')).toThrow(/must be from 2007-08-01/);
  });
});

describe('season labels', () => {
  it('maps to and from API-Basketball labels', () => {
    expect(apiBasketballSeason(2024)).toBe('2023-2024');
    expect(seasonFromApiBasketball('2023-2024')).toBe(2024);
    expect(() => seasonFromApiBasketball('2023-2025')).toThrow(ConfigError);
    expect(() => seasonFromApiBasketball('2023')).toThrow(/2023-2024/);
  });

  it('formats human labels, including the century turn', () => {
    expect(seasonLabel(2024)).toBe('2023-24');
    expect(seasonLabel(2000)).toBe('1999-00');
    expect(seasonLabel(2010)).toBe('2009-10');
  });

  it('rejects seasons that are not ending years', () => {
    expect(() => apiBasketballSeason(24)).toThrow(/year the season ends/);
    expect(() => seasonLabel(2024.5)).toThrow(ConfigError);
  });
});

describe('seasonDates', () => {
  it('knows the odd seasons', () => {
    expect(seasonDates(2012).start).toBe('2011-12-25');
    expect(seasonDates(2020).end).toBe('2020-10-11');
    expect(seasonDates(2021).start).toBe('2020-12-22');
  });

  it('estimates unknown future seasons in the usual shape', () => {
    expect(seasonDates(2030)).toMatchObject({ start: '2029-10-21', end: '2030-06-20', note: 'estimated' });
  });

  it('puts every known season start and end inside that season', () => {
    for (let s = 2008; s <= 2025; s++) {
      expect(seasonOfDate(seasonDates(s).start)).toBe(s);
      expect(seasonOfDate(seasonDates(s).end)).toBe(s);
    }
  });
});
