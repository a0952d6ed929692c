import { addDays } from '@nba/config';
import type { TeamOutlook } from './counts';
import { SeasonError } from './errors';
import { outlookState } from './outlook-state';
import {
  DEFAULT_OUTLOOK_TEAM_SD_PTS,
  DEFAULT_RATING_PARAMS,
  fitRatings,
  type LinedGame,
  type RatingParams,
} from './rating-model';
import { simulateSeason, type SimulationOptions } from './simulate';

/** Settings of an outlook backtest of one season (`teamSdPts` defaults to {@link DEFAULT_OUTLOOK_TEAM_SD_PTS}). */
export interface OutlookBacktestOptions extends Omit<SimulationOptions, 'rules'> {
  /** Every how many days an outlook is made, from the season's first regular-season day (default 1). */
  readonly every?: number;
  readonly ratingParams?: RatingParams;
}

/** The outlook as it would have been made on one morning. */
export interface DatedOutlook {
  readonly date: string;
  readonly teams: readonly TeamOutlook[];
}

/**
 * The season's outlook on every `every`-th morning of its regular season, each made from the games
 * and closing lines before that morning only (ratings refitted each morning). Pure and
 * self-contained per season, so seasons run in parallel (worker threads, one Job index each).
 * `history` holds this season's games and earlier ones, in date order. Each morning's simulation
 * is seeded with `seed` plus its day number in the season, so any subset of days reproduces.
 */
export function backtestSeasonOutlook(
  season: number,
  history: readonly LinedGame[],
  options: OutlookBacktestOptions = {},
): DatedOutlook[] {
  const every = options.every ?? 1;
  if (!Number.isInteger(every) || every < 1)
    throw new SeasonError('INVALID_OPTION', `invalid every ${every}: expected a whole number of days, at least 1`);
  const regular = history.filter((g) => g.season === season && g.gameType === 'regular');
  if (regular.length === 0)
    throw new SeasonError('INVALID_SEASON', `season ${season}: no regular-season games in the history`);
  const first = (regular[0] as LinedGame).date;
  const last = (regular[regular.length - 1] as LinedGame).date;
  const params = options.ratingParams ?? DEFAULT_RATING_PARAMS;
  const out: DatedOutlook[] = [];
  for (let day = 0, date = first; date <= last; day += every, date = addDays(first, day)) {
    const known = history.filter((g) => g.date < date);
    const fit = fitRatings(known, date, season, params);
    const state = outlookState(season, history, date, fit);
    const { every: _every, ratingParams: _params, ...sim } = options;
    void _every;
    void _params;
    out.push({
      date,
      teams: simulateSeason(state, { teamSdPts: DEFAULT_OUTLOOK_TEAM_SD_PTS, ...sim, seed: (options.seed ?? 1) + day })
        .teams,
    });
  }
  return out;
}
