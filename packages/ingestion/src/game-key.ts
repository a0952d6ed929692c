/** `YYYY-MM-DD` -> `YYYYMMDD`. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** Our stable game key, `YYYYMMDD_AWAY_HOME`. */
export function gameKeyOf(date: string, awayCode: string, homeCode: string): string {
  return `${compactDate(date)}_${awayCode}_${homeCode}`;
}
