import { CodedError } from '@nba/errors';

/**
 * Every way a use case of the lifecycle refuses; callers (the apps) branch on `code`:
 * - `MIXED_DATA`: a run would put generated (demo) and real data in one database;
 * - `NEEDS_UPSTREAMS`: a step needs the upstream APIs (source api or demo) and the run has none;
 * - `NEEDS_GAMES_CSV`: `--source csv` without a games file;
 * - `NO_PRODUCTION`: no model of the run has a production version to predict with;
 * - `UNKNOWN_RUN`: no run with that id; `NOT_A_DAILY_RUN`: the run belongs to another pipeline;
 * - `BAD_RUN_ARGS`: a stored run's arguments are not those of a daily run;
 * - the season outlook's: `BAD_OUTLOOK_OPTIONS`, `MISSING_OUTLOOK_PARTS`, `MISMATCHED_OUTLOOK_PARTS`,
 *   `NO_SEASON_SCHEDULE`, `OUTLOOK_SEASON_FAILED`, `UNKNOWN_TEAM` (see `outlook/`).
 */
export type LifecycleErrorCode =
  | 'MIXED_DATA'
  | 'NEEDS_UPSTREAMS'
  | 'NEEDS_GAMES_CSV'
  | 'NO_PRODUCTION'
  | 'UNKNOWN_RUN'
  | 'NOT_A_DAILY_RUN'
  | 'BAD_RUN_ARGS'
  | 'BAD_OUTLOOK_OPTIONS'
  | 'MISSING_OUTLOOK_PARTS'
  | 'MISMATCHED_OUTLOOK_PARTS'
  | 'NO_SEASON_SCHEDULE'
  | 'OUTLOOK_SEASON_FAILED'
  | 'UNKNOWN_TEAM'
  | 'BAD_HINDCAST_RANGE';

/** The one error class of @nba/lifecycle. */
export class LifecycleError extends CodedError<LifecycleErrorCode> {
  override readonly name = 'LifecycleError';
}
