import { TEAMS } from '@nba/config';
import { required } from '@nba/errors';
import { Rng } from './rng';

/**
 * How the teams' latent strengths (points better than an average team on a neutral floor) move:
 * a stationary process with standard deviation `sd`, kept day by day through a season with
 * `dailyKeep` (form, injuries and trades come and go) and from one season to the next with
 * `offseasonKeep` (the draft, free agency and ageing reshuffle part of the league).
 */
export interface StrengthProcess {
  sd: number;
  dailyKeep: number;
  offseasonKeep: number;
}

/**
 * Chosen so a generated league's seasons look like the real 2009-2024 seasons of
 * `../shared/data/nba` (generated: 4 leagues x 16 seasons; real: mean and range per season):
 * closing spreads sd 6.7 (real 6.6, 6.1-7.5), teams' season net ratings sd 4.6 (4.7, 4.0-5.5), a
 * team's first 41 games predicting its last 41 with correlation 0.75 (0.75, 0.55-0.86), last
 * season's net rating predicting this season's with 0.61 (0.61, 0.34-0.82).
 */
export const STRENGTH_PROCESS: Readonly<StrengthProcess> = Object.freeze({
  sd: 4.5,
  dailyKeep: 0.998,
  offseasonKeep: 0.85,
});

/** The first season of every generated league (the system's calendar starts with 2007-08). */
export const FIRST_LEAGUE_SEASON = 2000;
/** Days of a season with their own strengths (opening day first); later days keep the last day's. */
export const SEASON_DAYS = 200;

const DAY_MS = 86_400_000;

/** Each team's strength on each day of one season of a league. */
export interface SeasonStrengths {
  /** The strength of `code` on the day `dayIndex` days after opening day. */
  on(code: string, dayIndex: number): number;
}

/**
 * The strengths of `season` in the league `leagueSeed`: one process from `FIRST_LEAGUE_SEASON`
 * on, so the seasons of one league follow each other (a season starts from the strengths the
 * season before ended with, moved by the off-season), whichever season is asked for first.
 */
export function seasonStrengths(leagueSeed: number, season: number): SeasonStrengths {
  const p = STRENGTH_PROCESS;
  if (!Number.isInteger(season) || season < FIRST_LEAGUE_SEASON) {
    throw new RangeError(`season must be an integer from ${FIRST_LEAGUE_SEASON}, got ${season}`);
  }
  const rng = new Rng(leagueSeed);
  const s = TEAMS.map(() => rng.normal(0, p.sd));
  // the league stays balanced: strengths are relative to the average team and spread as widely every day
  const balance = () => {
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length);
    for (let i = 0; i < s.length; i++) s[i] = (((s[i] as number) - mean) / sd) * p.sd;
  };
  const step = (keep: number) => {
    const shock = p.sd * Math.sqrt(1 - keep * keep);
    for (let i = 0; i < s.length; i++) s[i] = keep * (s[i] as number) + rng.normal(0, shock);
    balance();
  };
  balance();
  for (let y = FIRST_LEAGUE_SEASON; y < season; y++) {
    for (let d = 1; d < SEASON_DAYS; d++) step(p.dailyKeep);
    step(p.offseasonKeep);
  }
  const days: number[][] = [[...s]];
  for (let d = 1; d < SEASON_DAYS; d++) {
    step(p.dailyKeep);
    days.push([...s]);
  }
  const index = new Map(TEAMS.map((t, i) => [t.code, i]));
  return {
    on(code, dayIndex) {
      const i = index.get(code);
      if (i === undefined) throw new RangeError(`unknown team code '${code}'`);
      const day = required(
        days[Math.min(SEASON_DAYS - 1, Math.max(0, dayIndex))],
        `day ${dayIndex} of season ${season}`,
      );
      return required(day[i], `the strength of ${code}`);
    },
  };
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
