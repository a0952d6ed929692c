/** Calendar arithmetic on `YYYY-MM-DD` dates and the US Eastern date games are filed under. */

const DAY_MS = 86_400_000;

const EASTERN = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function* datesBetween(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/**
 * The US Eastern calendar date of an instant: the date every game is filed under (a 7:30 pm ET
 * tip-off is 00:30 UTC the next day, so the UTC date would be wrong).
 */
export function easternDate(instant: Date): string {
  return EASTERN.format(instant);
}
