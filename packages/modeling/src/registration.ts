import type { FeatureSpec } from '@nba/features';
import { deserializeModel, serializeModel, type ModelBundle } from './bundle';
import type { TrainedModel } from './train';

/**
 * A trained model in the shape a model registry stores: the three XGBoost JSON models as
 * artifacts, the feature spec, and everything else needed to use them again under `params.bundle`.
 * (Plain data: this package does not depend on the registry.)
 */
export interface ModelRegistration {
  artifacts: { win: string; margin: string; total: string };
  featureSpec: FeatureSpec;
  params: { bundle: Omit<ModelBundle, 'boosters'> };
  trainedFrom: string;
  trainedTo: string;
  trainingGames: number;
  /** Validation scores, as `{ validation: { logLoss, marginMae, totalMae } }`. */
  metrics: Record<string, Record<string, number>>;
}

/** The three XGBoost JSON models of a registered version as a registry returns them (one missing: it does not load). */
export interface ModelArtifacts {
  win: string;
  margin?: string;
  total?: string;
}

function finiteOnly(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => Number.isFinite(v)));
}

/** Splits a trained model into registry parts. */
export function toRegistration(model: TrainedModel): ModelRegistration {
  const { boosters, ...bundle } = serializeModel(model);
  const v = model.validation;
  return {
    artifacts: boosters,
    featureSpec: model.spec,
    params: { bundle },
    trainedFrom: model.trainedOn.firstDate,
    trainedTo: model.trainedOn.lastDate,
    trainingGames: model.trainedOn.games,
    // scores that could not be computed (no validation slice after a refit, no lines) are left out
    metrics: {
      validation: finiteOnly({
        logLoss: v.logLoss,
        marginMae: v.marginMae,
        totalMae: v.totalMae,
        marketGames: v.marketGames,
        logLossWithLine: v.logLossWithLine,
        marketLogLoss: v.marketLogLoss,
      }),
    },
  };
}

/**
 * Rebuilds a model from what a registry stored: `params` as written by {@link toRegistration} and
 * the three artifacts. Throws `ModelingError('INVALID_MODEL')` when they do not fit this code.
 * (Forecasting goes through `ServingModel.fromRegistration`, which also checks the boosters.)
 */
export function fromRegistration(params: unknown, artifacts: ModelArtifacts): TrainedModel {
  const bundle = (params as { bundle?: Omit<ModelBundle, 'boosters'> } | null)?.bundle;
  return deserializeModel({
    ...(bundle as Omit<ModelBundle, 'boosters'>),
    boosters: { win: artifacts.win, margin: artifacts.margin ?? '', total: artifacts.total ?? '' },
  });
}
