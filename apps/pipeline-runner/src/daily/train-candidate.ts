import type { Variant } from '@nba/features';
import type { Logger } from '@nba/logging';
import { disposeModel, fromRegistration, subset, toRegistration, trainModel } from '@nba/modeling';
import type { ModelRegistry } from '@nba/registry';
import { datasetOf, evaluationSeason, holdoutScores, scoreModel, type EvalScores } from './evaluate';
import type { History } from './history';
import { gitCommit } from '../git-commit';

/** What the train task reports (JSON: stored with the task run). */
export interface CandidateResult {
  name: string;
  version: string;
  variant: Variant;
  evaluationSeason: number | null;
  candidate: EvalScores | null;
  /** The production model on the evaluation games it had not been trained on, when there are enough. */
  production: ({ version: string } & EvalScores) | null;
  beatsProduction: boolean;
  trainingGames: number;
}


/** Next version of a model name: 1.0.0, then 1.1.0, 1.2.0, … by the number already registered. */
export async function nextVersion(registry: ModelRegistry, name: string): Promise<string> {
  const versions = await registry.list({ name });
  return `1.${versions.length}.0`;
}

/**
 * Trains a candidate on the whole history, evaluates it walk-forward on the latest season, scores
 * the production model on the same season's games it had not seen, and registers the candidate as
 * `staging` with those metrics.
 */
export async function trainCandidate(
  deps: { registry: ModelRegistry; logger: Logger },
  history: History,
  options: { name: string; variant: Variant; isDemo: boolean; runIds: readonly string[] },
): Promise<CandidateResult> {
  const ds = datasetOf(history);
  const season = evaluationSeason(ds);
  // A run cancelled after registering its candidate, then resumed, reuses that version.
  const earlier = (await deps.registry.list({ name: options.name })).find((v) => options.runIds.some((id) => v.notes?.includes(`pipeline run ${id}`)));
  const recorded = earlier && season !== undefined ? earlier.metrics[`holdout-${season}`] : undefined;
  const candidate =
    season === undefined ? null
    : recorded ? { n: recorded.games ?? 0, logloss: recorded.logloss ?? NaN, brier: recorded.brier ?? NaN, accuracy: recorded.accuracy ?? NaN }
    : holdoutScores(ds, options.variant, season);
  deps.logger.info('candidate evaluated', { season, ...candidate, ...(earlier ? { reusedVersion: earlier.version } : {}) });

  let production: CandidateResult['production'] = null;
  const current = await deps.registry.production(options.name);
  if (current && season !== undefined && candidate) {
    const unseen = subset(ds, (r) => r.game.season === season && (!current.trainedTo || r.game.date > current.trainedTo));
    if (unseen.rows.length >= 50) {
      const model = fromRegistration(current.params, await deps.registry.loadArtifacts(current.name, current.version));
      try {
        production = { version: current.version, ...scoreModel(model, unseen) };
      } finally {
        disposeModel(model);
      }
    } else {
      const recorded = current.metrics?.[`holdout-${season}`]?.logloss;
      if (typeof recorded === 'number') production = { version: current.version, n: 0, logloss: recorded, brier: NaN, accuracy: NaN };
    }
  }

  const beatsProduction = !current || (candidate !== null && production !== null && candidate.logloss < production.logloss);
  if (earlier) {
    return { name: options.name, version: earlier.version, variant: options.variant, evaluationSeason: season ?? null, candidate, production, beatsProduction, trainingGames: earlier.trainingGames ?? 0 };
  }
  const model = trainModel(ds, options.variant);
  try {
    const reg = toRegistration(model);
    const version = await nextVersion(deps.registry, options.name);
    const metrics: Record<string, Record<string, number>> = { ...reg.metrics };
    if (candidate && season !== undefined) metrics[`holdout-${season}`] = { logloss: candidate.logloss, brier: candidate.brier, accuracy: candidate.accuracy, games: candidate.n };
    await deps.registry.register({
      name: options.name,
      version,
      ...reg,
      metrics,
      gitCommit: gitCommit(),
      notes: `${options.variant} variant trained by pipeline run ${options.runIds[0]}${options.isDemo ? ' on DEMO data (generated league)' : ''}`,
    });
    return { name: options.name, version, variant: options.variant, evaluationSeason: season ?? null, candidate, production, beatsProduction, trainingGames: reg.trainingGames };
  } finally {
    disposeModel(model);
  }
}
