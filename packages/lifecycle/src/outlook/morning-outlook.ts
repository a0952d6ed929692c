import {
  DEFAULT_OUTLOOK_TEAM_SD_PTS,
  DEFAULT_RATING_PARAMS,
  fitRatings,
  outlookState,
  simulateSeason,
  type LinedGame,
  type RatingFit,
  type SeasonState,
  type TeamOutlook,
} from '@nba/season';

/** Simulations of a stored outlook unless told otherwise (the default). */
export const DEFAULT_OUTLOOK_SIMULATIONS = 10_000;

/**
 * The rating model behind every outlook, as stored with it: its name, a version that changes
 * whenever its settings or the strength sd change, and the settings themselves.
 */
export const OUTLOOK_RATING_MODEL = {
  name: 'market-results-ridge',
  version: '1.0.0',
  params: { ...DEFAULT_RATING_PARAMS, teamSdPts: DEFAULT_OUTLOOK_TEAM_SD_PTS },
} as const;

/** How a morning's outlook is simulated. */
export interface MorningOptions {
  readonly simulations?: number;
  readonly seed?: number;
}

/** A morning's outlook: per team the simulated probabilities, plus what it was made from. */
export interface MorningOutlook {
  readonly season: number;
  readonly date: string;
  readonly teams: readonly TeamOutlook[];
  /** The simulator's input: games played so far and the rest priced. */
  readonly state: SeasonState;
  readonly fit: RatingFit;
  readonly simulations: number;
  readonly seed: number;
}

/**
 * The outlook of `season` on the morning of `date`: ratings fitted on the games and closing lines
 * before it, the rest of the season priced from them, simulated with the chosen strength sd.
 * `history` is {@link outlookHistory}'s output (nothing of `date` or later but the schedule). The
 * one definition of an outlook: the daily task and the backtest both call it.
 */
export function morningOutlook(
  history: readonly LinedGame[],
  season: number,
  date: string,
  options: MorningOptions = {},
): MorningOutlook {
  const simulations = options.simulations ?? DEFAULT_OUTLOOK_SIMULATIONS;
  const seed = options.seed ?? 1;
  const fit = fitRatings(history, date, season, DEFAULT_RATING_PARAMS);
  const state = outlookState(season, history, date, fit);
  const { teams } = simulateSeason(state, { simulations, seed, teamSdPts: DEFAULT_OUTLOOK_TEAM_SD_PTS });
  return { season, date, teams, state, fit, simulations, seed };
}
