import { LifecycleError } from '../../lifecycle-error';
import { DEFAULT_OUTLOOK_SIMULATIONS } from '../morning-outlook';

/** Settings of an outlook backtest; a season's saved part is reused only when they are identical. */
export interface OutlookBacktestSettings {
  readonly fromSeason: number;
  readonly toSeason: number;
  /** Every how many game days of the regular season a morning is scored (the checkpoints always are). */
  readonly every: number;
  /** Simulations of each morning's outlook. */
  readonly simulations: number;
  /** Simulations of each baseline's morning (fewer: their Brier needs less precision than the stored outlook). */
  readonly baselineSimulations: number;
  /** Base seed: a morning's simulations use this plus the morning's day number in its season. */
  readonly seed: number;
}

/** Default baseline simulations: a Brier score moves by at most 0.25 / n from Monte Carlo noise (0.0001 here). */
export const DEFAULT_BASELINE_SIMULATIONS = 2_000;

/** Fixed checkpoints (month-day) scored in every season whose regular season spans them. */
export const CHECKPOINTS = ['11-01', '12-25', '02-15', '03-15', '04-01'] as const;

function whole(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new LifecycleError(
      'BAD_OUTLOOK_OPTIONS',
      `invalid ${field} ${value}: expected a whole number, at least ${min}`,
    );
  return value;
}

/** Settings with defaults, checked (a BAD_OUTLOOK_OPTIONS error names the field and value). */
export function backtestSettings(
  input: Partial<OutlookBacktestSettings> & Pick<OutlookBacktestSettings, 'fromSeason' | 'toSeason'>,
): OutlookBacktestSettings {
  const simulations = whole(input.simulations ?? DEFAULT_OUTLOOK_SIMULATIONS, 'simulations', 1);
  const settings = {
    fromSeason: whole(input.fromSeason, 'fromSeason', 2008),
    toSeason: whole(input.toSeason, 'toSeason', 2008),
    every: whole(input.every ?? 1, 'every', 1),
    simulations,
    baselineSimulations: whole(
      input.baselineSimulations ?? Math.min(simulations, DEFAULT_BASELINE_SIMULATIONS),
      'baselineSimulations',
      1,
    ),
    seed: whole(input.seed ?? 1, 'seed', 0),
  };
  if (settings.fromSeason > settings.toSeason) {
    throw new LifecycleError(
      'BAD_OUTLOOK_OPTIONS',
      `invalid season range ${settings.fromSeason}-${settings.toSeason}: from must not be after to`,
    );
  }
  return settings;
}

/** The seasons of a backtest, in order. */
export function backtestSeasons(settings: OutlookBacktestSettings): number[] {
  return Array.from({ length: settings.toSeason - settings.fromSeason + 1 }, (_, i) => settings.fromSeason + i);
}
