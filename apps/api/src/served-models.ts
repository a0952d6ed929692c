import { ApiError } from './errors';
import type { ModelHolder } from './model-holder';

/** One registry name the API serves and the model loaded for it (a `ModelWatcher` keeps it current). */
export interface ServedModel {
  name: string;
  holder: ModelHolder;
}

/** Registry names served when none are configured: the market-aware model (the default) and the stats-only one. */
export const DEFAULT_MODEL_NAMES: readonly string[] = Object.freeze(['nba-winner', 'nba-winner-stats']);

/** The models this API serves; the first is the default of every route that takes a model name. */
export class ServedModels {
  /** The default model (the first). */
  readonly main: ServedModel;

  constructor(readonly all: readonly ServedModel[]) {
    const main = all[0];
    if (main === undefined) throw new RangeError('the API serves at least one model');
    this.main = main;
  }

  get names(): string[] {
    return this.all.map((m) => m.name);
  }

  /** The served model named `name`, the default when absent; a 400 naming `field` when the name is not served. */
  pick(name: string | undefined, field = 'model'): ServedModel {
    if (name === undefined) return this.main;
    const found = this.all.find((m) => m.name === name);
    if (!found)
      throw ApiError.validation([
        { field, problem: `must be one of ${this.names.join(', ')} (the models this API serves), got '${name}'` },
      ]);
    return found;
  }
}
