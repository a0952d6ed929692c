import { parseIsoDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import { buildFeatures, type FeatureRow } from '@nba/features';
import type { FeatureInputs } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import {
  assembleDataset,
  disposeModel,
  RETRAIN_DAYS,
  retrainCutoff,
  toRegistration,
  trainingFingerprint,
  trainingSetBefore,
  trainModel,
  type Dataset,
} from '@nba/modeling';
import { RegistryError, type ModelRegistry, type ModelVersionInfo } from '@nba/registry';
import type { DailyModel } from '../daily/daily-args';
import { forecastGames } from '../daily/predict-date';
import { LifecycleError } from '../lifecycle-error';

/** What a hindcast covers. */
export interface HindcastOptions {
  /** First and last day forecast, `YYYY-MM-DD` (inclusive). */
  from: string;
  to: string;
  models: readonly DailyModel[];
  /** Days between retrains (default {@link RETRAIN_DAYS}), counted from each season's first game day. */
  retrainDays?: number;
  isDemo: boolean;
  /** The run that trains and registers the hindcast versions. */
  runId?: string;
  gitCommit?: string | undefined;
  /** Called after each model of each retrain window: `done` of `total` units. */
  onProgress?: (done: number, total: number, note: string) => void;
}

/** One model of one retrain window. */
export interface HindcastWindow {
  model: string;
  /** The version (kind `hindcast`) trained on every game before `cutoff`. */
  version: string;
  cutoff: string;
  /** Days of the window forecast (the range's days with games). */
  days: number;
  games: number;
  stored: number;
  withheld: number;
  /** The version existed already (same training inputs): nothing was trained. */
  reused: boolean;
}

/** What {@link hindcast} did. */
export interface HindcastResult {
  from: string;
  to: string;
  retrainDays: number;
  days: number;
  windows: HindcastWindow[];
}

/** The training cutoff of every day in `from..to` with games, from each season's first game day among the finished games. */
function windowsOf(
  ds: Dataset,
  rows: readonly FeatureRow[],
  from: string,
  to: string,
  cadence: number,
): Map<string, FeatureRow[]> {
  const seasonStart = new Map<number, string>();
  for (const r of ds.rows) if (!seasonStart.has(r.game.season)) seasonStart.set(r.game.season, r.game.date);
  const windows = new Map<string, FeatureRow[]>();
  for (const r of rows) {
    const start = seasonStart.get(r.game.season);
    if (r.game.date < from || r.game.date > to || start === undefined || r.game.date < start) continue;
    const cutoff = retrainCutoff(r.game.date, start, cadence);
    const window = windows.get(cutoff);
    if (window) window.push(r);
    else windows.set(cutoff, [r]);
  }
  return windows;
}

/** The hindcast version of `model` trained on every game before `cutoff`: the one registered from the same inputs, or trained and registered now. */
async function hindcastVersion(
  registry: ModelRegistry,
  ds: Dataset,
  model: DailyModel,
  cutoff: string,
  options: HindcastOptions,
): Promise<{ version: ModelVersionInfo; reused: boolean }> {
  const train = trainingSetBefore(ds, cutoff);
  const print = trainingFingerprint(train, model.variant);
  // a fingerprint of its own: a live version trained on the same games stays the live one
  const fingerprint = `hindcast:${print.fingerprint}`;
  const existing = await registry.findVersionByFingerprint(model.name, fingerprint);
  if (existing) return { version: existing, reused: true };
  const trained = trainModel(train, model.variant);
  try {
    const registered = await registry.registerVersion({
      name: model.name,
      // the cutoff, and the fingerprint's start: a correction of an earlier game makes another version of the window
      version: `0.0.0-hindcast.${cutoff}.f${print.fingerprint.slice('sha256:'.length, 'sha256:'.length + 8)}`,
      kind: 'hindcast',
      ...toRegistration(trained),
      gitCommit: options.gitCommit,
      fingerprint,
      ...(options.runId ? { pipelineRunId: options.runId } : {}),
      notes: `hindcast: ${model.variant} variant trained on the ${print.games} games before ${cutoff}${options.isDemo ? ' (DEMO data: generated league)' : ''}`,
    });
    return { version: registered, reused: false };
  } catch (error) {
    // another process registered the same inputs first
    const raced =
      error instanceof RegistryError && error.code === 'DUPLICATE'
        ? await registry.findVersionByFingerprint(model.name, fingerprint)
        : undefined;
    if (raced) return { version: raced, reused: true };
    throw error;
  } finally {
    disposeModel(trained);
  }
}

/**
 * Hindcasts: the forecasts each model would have made on every day from `from` to `to`, each from
 * a model trained only on the games (and closing lines) before the day's retrain window — the
 * walk-forward backtest with `retrainDays` makes the same forecasts — stored through the live
 * serving path ({@link forecastGames}) under versions of kind `hindcast`, which are never promoted
 * or served. Idempotent and resumable: a window's version is found by its training fingerprint
 * instead of trained again, and settled forecasts are left as they are. Settling is the caller's
 * next step.
 */
export async function hindcast(
  deps: { db: DbClient; registry: ModelRegistry; logger: Logger },
  history: FeatureInputs,
  options: HindcastOptions,
): Promise<HindcastResult> {
  parseIsoDate(options.from);
  parseIsoDate(options.to);
  if (options.from > options.to)
    throw new LifecycleError('BAD_HINDCAST_RANGE', `hindcast range ${options.from}..${options.to}: from is after to`);
  const cadence = options.retrainDays ?? RETRAIN_DAYS;
  const rows = buildFeatures(history.games, history.lines).rows;
  const ds = assembleDataset(rows);
  const windows = windowsOf(ds, rows, options.from, options.to, cadence);
  const total = windows.size * options.models.length;
  const days = new Set([...windows.values()].flatMap((w) => w.map((r) => r.game.date))).size;
  const result: HindcastResult = { from: options.from, to: options.to, retrainDays: cadence, days, windows: [] };
  deps.logger.info('hindcast started', {
    from: options.from,
    to: options.to,
    days,
    windows: windows.size,
    models: options.models.map((m) => m.name),
  });
  for (const [cutoff, games] of [...windows].sort(([a], [b]) => a.localeCompare(b))) {
    const windowDays = new Set(games.map((g) => g.game.date)).size;
    for (const model of options.models) {
      const { version, reused } = await hindcastVersion(deps.registry, ds, model, cutoff, options);
      const f = await forecastGames(deps, history, games, { version, isDemo: options.isDemo });
      const stored = {
        model: model.name,
        version: version.version,
        cutoff,
        days: windowDays,
        games: f.games,
        stored: f.stored,
        withheld: f.withheld.length,
        reused,
      };
      result.windows.push(stored);
      deps.logger.info('hindcast window stored', stored);
      options.onProgress?.(result.windows.length, total, `${model.name} ${cutoff}${reused ? ' (reused)' : ''}`);
    }
  }
  return result;
}
