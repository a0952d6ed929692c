import type { Variant } from '@nba/features';
import type { Logger } from '@nba/logging';
import type { FeatureInputs } from '@nba/ingestion';
import {
  disposeModel,
  evaluationSeason,
  historyDataset,
  holdoutScores,
  scoreModel,
  ServingModel,
  subset,
  toRegistration,
  trainingFingerprint,
  trainModel,
  type EvalScores,
} from '@nba/modeling';
import { RegistryError, type ModelRegistry, type ModelVersionInfo } from '@nba/registry';

/** What the train task reports (JSON: stored with the task run). */
export interface CandidateResult {
  name: string;
  version: string;
  variant: Variant;
  /** What it was trained from (see `trainingFingerprint`). */
  fingerprint: string;
  /** An existing version had this fingerprint, so it was reused instead of trained again. */
  reused: boolean;
  /** The candidate is the production version already. */
  inProduction: boolean;
  evaluationSeason: number | null;
  candidate: EvalScores | null;
  /** The production model on the evaluation games it had not been trained on, when there are enough. */
  production: ({ version: string } & EvalScores) | null;
  beatsProduction: boolean;
  trainingGames: number;
}

/** Next version of a model name: 1.0.0, then 1.1.0, 1.2.0, … by the number already registered. */
export async function nextVersion(registry: ModelRegistry, name: string): Promise<string> {
  const versions = await registry.listVersions({ name });
  return `1.${versions.length}.0`;
}

/** Scores a version recorded for the holdout season when it was registered. */
function recordedHoldout(version: ModelVersionInfo | undefined, season: number | undefined): EvalScores | undefined {
  const m = version && season !== undefined ? version.metrics[`holdout-${season}`] : undefined;
  if (!m) return undefined;
  const lined =
    m.linedGames !== undefined
      ? {
          n: m.linedGames,
          logLoss: m.linedLogLoss ?? NaN,
          market: m.marketLogLoss ?? NaN,
          diffSe: m.linedDiffSe ?? 0, // recorded before the gate allowed for chance: none allowed
        }
      : null;
  return { n: m.games ?? 0, logLoss: m.logLoss ?? NaN, brier: m.brier ?? NaN, accuracy: m.accuracy ?? NaN, lined };
}

/** The holdout scores as registry metrics (numbers only). */
function holdoutMetrics(c: EvalScores): Record<string, number> {
  const out: Record<string, number> = { logLoss: c.logLoss, brier: c.brier, accuracy: c.accuracy, games: c.n };
  if (c.lined)
    Object.assign(out, {
      linedGames: c.lined.n,
      linedLogLoss: c.lined.logLoss,
      marketLogLoss: c.lined.market,
      linedDiffSe: c.lined.diffSe,
    });
  return out;
}

/**
 * Trains a candidate on the whole history, evaluates it walk-forward on the latest season, scores
 * the production model on the same season's games it had not seen, and registers the candidate as
 * `staging` with those metrics, its training fingerprint and the run that made it. Idempotent: when
 * a version of the name was already trained from the same inputs (a re-run of the day, a resume
 * after a crash), that version is the candidate and nothing is trained or registered.
 */
export async function trainCandidate(
  deps: { registry: ModelRegistry; logger: Logger },
  history: FeatureInputs,
  options: { name: string; variant: Variant; isDemo: boolean; runId: string; gitCommit?: string | undefined },
): Promise<CandidateResult> {
  const ds = historyDataset(history.games, history.lines);
  const print = trainingFingerprint(ds, options.variant);
  const season = evaluationSeason(ds);
  const existing = await deps.registry.findVersionByFingerprint(options.name, print.fingerprint);
  const candidate =
    season === undefined ? null : (recordedHoldout(existing, season) ?? holdoutScores(ds, options.variant, season));
  deps.logger.info('candidate evaluated', {
    season,
    ...candidate,
    ...print,
    ...(existing ? { reusedVersion: existing.version } : {}),
  });

  let production: CandidateResult['production'] = null;
  const current = await deps.registry.getProductionVersion(options.name);
  if (current && current.version !== existing?.version && season !== undefined && candidate) {
    const unseen = subset(
      ds,
      (r) => r.game.season === season && (!current.trainedTo || r.game.date > current.trainedTo),
    );
    if (unseen.rows.length >= 50) {
      const model = ServingModel.fromRegistration(
        current,
        await deps.registry.loadArtifacts(current.name, current.version),
      );
      try {
        production = { version: current.version, ...scoreModel(model, unseen) };
      } finally {
        model.dispose();
      }
    } else {
      const recorded = recordedHoldout(current, season);
      if (recorded) production = { version: current.version, ...recorded, n: 0 };
    }
  }
  const inProduction = current !== undefined && current.version === existing?.version;
  const beatsProduction =
    !inProduction &&
    (!current || (candidate !== null && production !== null && candidate.logLoss < production.logLoss));
  const result = (
    version: ModelVersionInfo | { version: string; trainingGames: number | null },
    reused: boolean,
  ): CandidateResult => ({
    name: options.name,
    version: version.version,
    variant: options.variant,
    fingerprint: print.fingerprint,
    reused,
    inProduction,
    evaluationSeason: season ?? null,
    candidate,
    production,
    beatsProduction,
    trainingGames: version.trainingGames ?? print.games,
  });
  if (existing) return result(existing, true);

  const model = trainModel(ds, options.variant);
  try {
    const reg = toRegistration(model);
    const metrics: Record<string, Record<string, number>> = { ...reg.metrics };
    if (candidate && season !== undefined) metrics[`holdout-${season}`] = holdoutMetrics(candidate);
    try {
      const registered = await deps.registry.registerVersion({
        name: options.name,
        version: await nextVersion(deps.registry, options.name),
        ...reg,
        metrics,
        gitCommit: options.gitCommit,
        fingerprint: print.fingerprint,
        pipelineRunId: options.runId,
        notes: `${options.variant} variant trained by pipeline run ${options.runId}${options.isDemo ? ' on DEMO data (generated league)' : ''}`,
      });
      return result(registered, false);
    } catch (error) {
      // another process registered the same inputs first: theirs is the candidate
      const raced =
        error instanceof RegistryError && error.code === 'DUPLICATE'
          ? await deps.registry.findVersionByFingerprint(options.name, print.fingerprint)
          : undefined;
      if (raced) return result(raced, true);
      throw error;
    }
  } finally {
    disposeModel(model);
  }
}
