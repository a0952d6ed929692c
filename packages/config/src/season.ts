import { ConfigError } from './config-error';

/** Known calendar of a season (ending-year convention: 2024 is 2023-24). */
export interface SeasonDates {
  /** First day of the regular season, `YYYY-MM-DD` (US Eastern). */
  readonly start: string;
  /** Last day of the Finals. */
  readonly end: string;
  /** Why this season is unusual, where it is. */
  readonly note?: string;
}

/** Seasons 2008-2025 as played; later seasons follow the usual October-June shape. */
export const SEASON_CALENDAR: Readonly<Record<number, SeasonDates>> = {
  2008: { start: '2007-10-30', end: '2008-06-17' },
  2009: { start: '2008-10-28', end: '2009-06-14' },
  2010: { start: '2009-10-27', end: '2010-06-17' },
  2011: { start: '2010-10-26', end: '2011-06-12' },
  2012: { start: '2011-12-25', end: '2012-06-21', note: 'lockout: 66-game season from Christmas Day' },
  2013: { start: '2012-10-30', end: '2013-06-20' },
  2014: { start: '2013-10-29', end: '2014-06-15' },
  2015: { start: '2014-10-28', end: '2015-06-16' },
  2016: { start: '2015-10-27', end: '2016-06-19' },
  2017: { start: '2016-10-25', end: '2017-06-12' },
  2018: { start: '2017-10-17', end: '2018-06-08' },
  2019: { start: '2018-10-16', end: '2019-06-13' },
  2020: {
    start: '2019-10-22',
    end: '2020-10-11',
    note: 'paused in March 2020; finished in the Orlando bubble in October',
  },
  2021: { start: '2020-12-22', end: '2021-07-20', note: '72 games from December 22; Finals in July' },
  2022: { start: '2021-10-19', end: '2022-06-16' },
  2023: { start: '2022-10-18', end: '2023-06-12' },
  2024: { start: '2023-10-24', end: '2024-06-17' },
  2025: { start: '2024-10-22', end: '2025-06-22' },
};

/** Seasons after the last one in `SEASON_CALENDAR` whose (estimated) dates are still accepted. */
const ESTIMATED_SEASONS_AHEAD = 5;

const KNOWN_SEASONS = Object.keys(SEASON_CALENDAR).map(Number);
const FIRST_SEASON = Math.min(...KNOWN_SEASONS);
const LAST_SEASON = Math.max(...KNOWN_SEASONS) + ESTIMATED_SEASONS_AHEAD;

/**
 * The dates the system accepts wherever a date comes in (API requests, the pipeline's `--date`,
 * upstream and CSV records): from the first day of the first season the calendar knows (2007-08,
 * where the real data starts) to the last day of the fifth season after the last one it knows
 * (2029-30 while the calendar ends at 2024-25). Earlier dates have neither calendar nor data;
 * later ones are seasons nobody has scheduled, where a year like 9999 is a typo, not a forecast.
 * Adding a season to `SEASON_CALENDAR` moves the far bound one season on; dates beyond it are
 * refused (a usage error naming this range) until it does. `range` is the range as text for messages.
 */
export const SUPPORTED_DATES: Readonly<{
  from: string;
  to: string;
  firstSeason: number;
  lastSeason: number;
  range: string;
}> = Object.freeze({
  // a season runs from the August 1 changeover of `seasonOfDate` to the next July 31
  from: `${FIRST_SEASON - 1}-08-01`,
  to: `${LAST_SEASON}-07-31`,
  firstSeason: FIRST_SEASON,
  lastSeason: LAST_SEASON,
  range: `from ${FIRST_SEASON - 1}-08-01 to ${LAST_SEASON}-07-31 (seasons ${seasonLabel(FIRST_SEASON)} to ${seasonLabel(LAST_SEASON)})`,
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validates a `YYYY-MM-DD` calendar date (rejecting e.g. 2023-02-30) within `SUPPORTED_DATES`;
 * the error message names the supported range.
 */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (m && (date < SUPPORTED_DATES.from || date > SUPPORTED_DATES.to)) {
    throw new ConfigError('INVALID_DATE', `invalid date '${date}': must be ${SUPPORTED_DATES.range}`);
  }
  const parsed = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new ConfigError('INVALID_DATE', `invalid date '${date}': expected a calendar date as YYYY-MM-DD`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The season a date belongs to, by the year the season ends. Off-season dates (after the Finals)
 * belong to the coming season. August 1 is the usual changeover; 2020 changed over after the
 * bubble Finals (October 11).
 */
export function seasonOfDate(date: string): number {
  const { year } = parseIsoDate(date);
  const changeover = year === 2020 ? '2020-10-12' : `${year}-08-01`;
  return date >= changeover ? year + 1 : year;
}

/** The calendar of a season: as played for known seasons, else the usual late-October to mid-June. */
export function seasonDates(season: number): SeasonDates {
  assertSeason(season);
  return SEASON_CALENDAR[season] ?? { start: `${season - 1}-10-21`, end: `${season}-06-20`, note: 'estimated' };
}

/** API-Basketball's season label: 2024 -> `2023-2024`. */
export function apiBasketballSeason(season: number): string {
  assertSeason(season);
  return `${season - 1}-${season}`;
}

/** Inverse of `apiBasketballSeason`: `2023-2024` -> 2024. */
export function seasonFromApiBasketball(label: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new ConfigError('INVALID_SEASON', `invalid season label '${label}': expected e.g. 2023-2024`);
  }
  return Number(m[2]);
}

/** Human label: 2024 -> `2023-24`. */
export function seasonLabel(season: number): string {
  assertSeason(season);
  return `${season - 1}-${String(season % 100).padStart(2, '0')}`;
}

function assertSeason(season: number): void {
  if (!Number.isInteger(season) || season < 1947 || season > 2100) {
    throw new ConfigError(
      'INVALID_SEASON',
      `invalid season ${season}: expected the year the season ends, e.g. 2024 for 2023-24`,
    );
  }
}
