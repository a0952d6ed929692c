import type { TeamOutlook } from '@nba/season';

/** The columns of outlook.csv, exactly as the issue lists them. */
export const OUTLOOK_CSV_COLUMNS = [
  'season',
  'date',
  'team',
  'wins_mean',
  'make_playin',
  'make_playoffs',
  ...Array.from({ length: 15 }, (_, k) => `seed_${k + 1}`),
  'make_conf_semis',
  'make_conf_finals',
  'make_finals',
  'win_finals',
] as const;

/** A probability as written: six decimals at most (a count of 10,000 simulations is exact in four). */
const p = (x: number): string => String(Number(x.toFixed(6)));

/** One outlook.csv row (no line end). */
export function outlookCsvRow(season: number, date: string, t: TeamOutlook): string {
  return [
    season,
    date,
    t.team,
    Number(t.winsMean.toFixed(3)),
    p(t.playIn),
    p(t.playoffs),
    ...t.seed.map(p),
    p(t.secondRound),
    p(t.confFinals),
    p(t.finals),
    p(t.title),
  ].join(',');
}
