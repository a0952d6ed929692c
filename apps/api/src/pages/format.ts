/** How numbers, times and dates read on the page (one place, so every view says them the same way). */

const MINUS = '\u2212';

const EASTERN_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hour: 'numeric',
  minute: '2-digit',
});
const LONG_DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const SHORT_DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const INSTANT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A probability as a percentage with one decimal: 0.6312 -> `63.1%`. */
export function percent(p: number | null | undefined): string {
  return p === null || p === undefined || !Number.isFinite(p) ? '\u2014' : `${(100 * p).toFixed(1)}%`;
}

/** A number with its sign always shown, a real minus sign, `digits` decimals: `+1.5`, `−0.3`. */
export function signed(x: number, digits = 1): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${x < 0 ? MINUS : '+'}${text}`;
}

/** A plain number with `digits` decimals and a real minus sign, or a dash when missing. */
export function fixed(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '\u2014';
  const text = Math.abs(x).toFixed(digits);
  return x < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** Tip-off in US Eastern time, the fallback text before (or without) the viewer's own time zone: `7:30 PM ET`. */
export function easternTime(instant: Date): string {
  return `${EASTERN_TIME.format(instant)} ET`;
}

/** A day as a heading: `Thursday, January 15, 2026`. */
export function longDay(date: string): string {
  return LONG_DAY.format(new Date(`${date}T00:00:00Z`));
}

/** A day in a table: `Jan 15, 2026`. */
export function shortDay(date: string): string {
  return SHORT_DAY.format(new Date(`${date}T00:00:00Z`));
}

/** An instant (registry events, promotions) in US Eastern time: `Jan 15, 2026, 9:02 AM ET`. */
export function instant(at: Date): string {
  return `${INSTANT.format(at)} ET`;
}

/**
 * The point spread as a bettor reads it, the favourite with its handicap: home spread −4.5 ->
 * `BOS −4.5`; +3 -> `LAL −3` (the away side favoured); 0 -> `pick'em`.
 */
export function spreadText(spreadHome: number, home: string, away: string): string {
  if (spreadHome === 0) return "pick'em";
  // a no-break space: a phone's narrow column may wrap the text, never inside a value
  return spreadHome < 0 ? `${home}\u00a0${MINUS}${fixed(-spreadHome)}` : `${away}\u00a0${MINUS}${fixed(spreadHome)}`;
}

/** An expected margin from the home side as the winner and by how much: +4.8 -> `BOS by 4.8`. */
export function marginText(marginHome: number, home: string, away: string): string {
  const by = Math.abs(marginHome).toFixed(1);
  if (Number(by) === 0) return 'even';
  return `${marginHome > 0 ? home : away} by\u00a0${by}`;
}
