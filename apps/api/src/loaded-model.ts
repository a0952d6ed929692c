import { ServingModel } from '@nba/modeling';
import type { ModelRegistry, ModelVersionInfo } from '@nba/registry';
import { ApiError } from './errors';

/** A production version ready to serve: the registry's identity of it and its model. */
export interface LoadedModel {
  name: string;
  version: string;
  /** `model_versions.id`. */
  id: number;
  loadedAt: Date;
  /** Forecasts and explanations (@nba/modeling). */
  model: ServingModel;
}

/**
 * Loads a registered version: artifacts sha256-verified by the registry, then checked and prepared
 * by `ServingModel.fromRegistration`. Throws `ApiError('MODEL_LOAD_FAILED')` when the version does
 * not fit this build.
 */
export async function loadModel(registry: ModelRegistry, info: ModelVersionInfo): Promise<LoadedModel> {
  const artifacts = await registry.loadArtifacts(info.name, info.version);
  try {
    const model = ServingModel.fromRegistration(info, artifacts);
    return { name: info.name, version: info.version, id: info.id, loadedAt: new Date(), model };
  } catch (err) {
    throw new ApiError(
      'MODEL_LOAD_FAILED',
      `model '${info.name}' version ${info.version}: ${(err as Error).message}`,
      undefined,
      { cause: err },
    );
  }
}

/** Frees a model's native boosters. */
export function disposeModel(loaded: LoadedModel): void {
  loaded.model.dispose();
}
