const EASTERN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The US Eastern calendar date (`YYYY-MM-DD`) of an instant: the date every game is filed under.
 * A 7:30 pm ET tip-off is 00:30 UTC the next day, so the UTC date would be wrong.
 */
export function easternDate(instant: Date): string {
  return EASTERN.format(instant);
}

/** `YYYY-MM-DD` -> `YYYYMMDD`. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** Our stable game key, `YYYYMMDD_AWAY_HOME`. */
export function gameKeyOf(date: string, awayCode: string, homeCode: string): string {
  return `${compactDate(date)}_${awayCode}_${homeCode}`;
}
