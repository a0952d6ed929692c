import type { LeagueGame } from '@nba/demo';

/**
 * The day the demo predicts: `today` when the generated league has games on it, else the next
 * day with games (the off-season and quiet days would leave nothing to show), else its last day.
 */
export function demoDate(games: readonly LeagueGame[], today: string): string {
  const days = [...new Set(games.map((g) => g.date))].sort();
  return days.find((d) => d >= today) ?? days[days.length - 1] ?? today;
}
