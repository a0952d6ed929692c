import { addDays, daysBetween } from '@nba/config';
import { subset, type Dataset } from './dataset';
import { ModelingError } from './errors';

/**
 * Days between retrains when past days are forecast one by one (hindcasts, and the backtest with
 * `retrainDays`): a model forecasts the days of its week from every game before the week.
 */
export const RETRAIN_DAYS = 7;

/**
 * The training cutoff of a walk-forward forecast of `date`: the start of its retrain window, the
 * windows being `cadenceDays` long from the season's first game day `seasonStart`. The model of
 * `date` is trained on every finished game before the cutoff, so all days of a window share it.
 */
export function retrainCutoff(date: string, seasonStart: string, cadenceDays = RETRAIN_DAYS): string {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1)
    throw new ModelingError('INVALID_INPUT', `retrain cadence must be a whole number of days >= 1, got ${cadenceDays}`);
  if (date < seasonStart)
    throw new ModelingError('INVALID_INPUT', `date ${date} is before its season's first game day ${seasonStart}`);
  const days = daysBetween(seasonStart, date);
  return addDays(seasonStart, days - (days % cadenceDays));
}

/** The games a walk-forward model with training cutoff `cutoff` learns from: every finished game before that day. */
export function trainingSetBefore(ds: Dataset, cutoff: string): Dataset {
  return subset(ds, (r) => r.game.date < cutoff);
}
