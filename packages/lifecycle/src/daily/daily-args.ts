import type { Variant } from '@nba/features';
import type { JsonValue } from '@nba/orchestrator';
import { LifecycleError } from '../lifecycle-error';

/** Name of the daily pipeline (runs of it can be resumed). */
export const DAILY_PIPELINE = 'daily';

/**
 * The daily tasks in the order they are added. A later use case of the morning (the season
 * outlook) is added after `predict`.
 */
export const DAILY_TASKS = [
  'ingest_games',
  'ingest_odds',
  'settle',
  'features',
  'train',
  'promote',
  'predict',
  'outlook',
] as const;

/** A registered model of the daily run: its registry name and the feature variant it is trained on. */
export interface DailyModel {
  name: string;
  variant: Variant;
}

/**
 * The models of a daily run: the market-aware one under `baseName` (the API's default) and the
 * stats-only one under `<baseName>-stats`, an independent view to compare with the line.
 */
export function dailyModels(baseName: string, which: Variant | 'both' = 'both'): DailyModel[] {
  const all: DailyModel[] = [
    { name: baseName, variant: 'market' },
    { name: `${baseName}-stats`, variant: 'stats' },
  ];
  return which === 'both' ? all : all.filter((m) => m.variant === which);
}

/** Arguments of one daily run: plain JSON, stored with the run, so a resume can reuse them. */
export interface DailyArgs {
  date: string;
  source: 'api' | 'demo' | 'csv';
  skipOdds: boolean;
  skipTrain: boolean;
  autoPromote: boolean;
  /** The registered models the run trains, promotes and predicts with, in order (see {@link dailyModels}). */
  models: DailyModel[];
  /** For `--source csv`. */
  gamesCsv?: string;
  oddsCsv?: string;
  /** Days before `date` whose results are (re)fetched. */
  lookbackDays: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the arguments stored with a daily run back (a resume); BAD_RUN_ARGS naming the field when they are not a daily run's. */
export function dailyArgsFromJson(runId: string, stored: JsonValue): DailyArgs {
  const bad = (field: string, value: unknown): never => {
    throw new LifecycleError(
      'BAD_RUN_ARGS',
      `run ${runId}: stored argument ${field} is not a daily run's (${JSON.stringify(value) ?? 'missing'})`,
    );
  };
  if (!isObject(stored)) return bad('args', stored);
  const { date, source, skipOdds, skipTrain, autoPromote, models, lookbackDays, gamesCsv, oddsCsv } = stored;
  if (typeof date !== 'string') return bad('date', date);
  if (source !== 'api' && source !== 'demo' && source !== 'csv') return bad('source', source);
  const flag = (name: string, v: unknown) => (typeof v === 'boolean' ? v : bad(name, v));
  if (typeof lookbackDays !== 'number') return bad('lookbackDays', lookbackDays);
  if (!Array.isArray(models)) return bad('models', models);
  const parsed = models.map((m): DailyModel => {
    if (!isObject(m) || typeof m.name !== 'string' || (m.variant !== 'market' && m.variant !== 'stats'))
      return bad('models', m);
    return { name: m.name, variant: m.variant };
  });
  const file = (name: string, v: unknown) =>
    v === undefined ? {} : typeof v === 'string' ? { [name]: v } : bad(name, v);
  return {
    date,
    source,
    skipOdds: flag('skipOdds', skipOdds),
    skipTrain: flag('skipTrain', skipTrain),
    autoPromote: flag('autoPromote', autoPromote),
    models: parsed,
    lookbackDays,
    ...file('gamesCsv', gamesCsv),
    ...file('oddsCsv', oddsCsv),
  };
}
