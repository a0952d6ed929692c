const EASTERN = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

let cache = { minute: NaN, date: '' };

/** Today's US Eastern calendar date (the date convention of games), `YYYY-MM-DD`. */
export function easternDate(now: Date = new Date()): string {
  // Intl formatting costs a few µs; the date cannot change within a minute
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cache.minute) cache = { minute, date: EASTERN.format(now) };
  return cache.date;
}

export { addDays } from '@nba/config';

/** A `@db.Date` value as `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
