/** Calendar arithmetic on `YYYY-MM-DD` dates and the US Eastern date games are filed under. */

const DAY_MS = 86_400_000;

const EASTERN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `date` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier): the inverse of {@link addDays}. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
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

/**
 * Today's US Eastern date by the clock `now`, formatted at most once a minute: Intl formatting
 * costs a few µs, and a server asks on every request (the date cannot change within a minute).
 * The memory belongs to the returned function, one per caller.
 */
export function easternDateClock(now: () => Date = () => new Date()): () => string {
  let last = { minute: NaN, date: '' };
  return () => {
    const instant = now();
    const minute = Math.floor(instant.getTime() / 60_000);
    if (minute !== last.minute) last = { minute, date: easternDate(instant) };
    return last.date;
  };
}

/** A calendar date as stored (a database `DATE`, midnight UTC) as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
