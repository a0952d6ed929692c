import { assertCompatibleSpec } from '@nba/features';
import { Booster } from '@nba/xgboost';
import { ModelingError } from './errors';
import type { TrainedModel } from './train';

/** Serialized model: the three XGBoost JSON models plus what is needed to use them. */
export interface ModelBundle {
  format: 'nba-model-bundle/1';
  variant: TrainedModel['variant'];
  spec: TrainedModel['spec'];
  params: TrainedModel['params'];
  totalFallback: number;
  trainedOn: TrainedModel['trainedOn'];
  validation: TrainedModel['validation'];
  bestIterations: TrainedModel['bestIterations'];
  /** Present when the win probability blends in the margin-derived one. */
  marginToWin?: TrainedModel['marginToWin'];
  /** Present when the win probability is pulled toward the market (absent in older bundles: no pull). */
  marketShrink?: TrainedModel['marketShrink'];
  boosters: { win: string; margin: string; total: string };
}

/** The model as one JSON-able object (the registry stores it as the artifact). */
export function serializeModel(model: TrainedModel): ModelBundle {
  const { variant, spec, params, totalFallback, trainedOn, validation, bestIterations } = model;
  return {
    format: 'nba-model-bundle/1',
    variant,
    spec,
    params,
    totalFallback,
    trainedOn,
    validation,
    bestIterations,
    ...(model.marginToWin ? { marginToWin: { ...model.marginToWin } } : {}),
    ...(model.marketShrink ? { marketShrink: { ...model.marketShrink } } : {}),
    boosters: { win: model.win.toJSON(), margin: model.margin.toJSON(), total: model.total.toJSON() },
  };
}

/** Loads a bundle written by {@link serializeModel}; checks the feature spec against this code. */
export function deserializeModel(bundle: ModelBundle): TrainedModel {
  if (bundle?.format !== 'nba-model-bundle/1')
    throw new ModelingError('INVALID_MODEL', `unknown model bundle format ${String(bundle?.format)}`);
  try {
    assertCompatibleSpec(bundle.spec);
  } catch (err) {
    throw new ModelingError('INVALID_MODEL', 'model feature spec does not match this code', { cause: err });
  }
  // Free what was loaded when a later booster fails to parse (they hold native memory).
  const loaded: Booster[] = [];
  try {
    for (const json of [bundle.boosters.win, bundle.boosters.margin, bundle.boosters.total])
      loaded.push(Booster.fromJSON(json));
  } catch (err) {
    for (const b of loaded) b.dispose();
    throw new ModelingError('INVALID_MODEL', `cannot load the model's boosters: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const [win, margin, total] = loaded as [Booster, Booster, Booster];
  const { variant, spec, params, totalFallback, trainedOn, validation, bestIterations } = bundle;
  const model: TrainedModel = {
    variant,
    spec,
    params,
    totalFallback,
    trainedOn,
    validation,
    bestIterations,
    win,
    margin,
    total,
  };
  if (bundle.marginToWin) model.marginToWin = { ...bundle.marginToWin };
  if (bundle.marketShrink) model.marketShrink = { ...bundle.marketShrink };
  return model;
}
