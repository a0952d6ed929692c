import { releaseNativeMemory } from '@nba/modeling';
import { disposeModel, type LoadedModel } from './loaded-model';

/** How long a replaced model stays alive after a swap (requests that picked it up finish with it). */
const RETIRE_AFTER_MS = 5_000;

/**
 * The model being served. Readers take `current` once per request and use that object to the end,
 * so a swap is one reference assignment: no request sees half of one model and half of another.
 * The replaced model's native memory is freed a few seconds later.
 */
export class ModelHolder {
  private model: LoadedModel | undefined;
  private readonly retiring = new Map<NodeJS.Timeout, LoadedModel>();
  private readonly listeners: ((model: LoadedModel | undefined) => void)[] = [];

  /** The model serving now, or undefined when none is loaded. */
  get current(): LoadedModel | undefined {
    return this.model;
  }

  /** Calls `listener` after every swap (metrics). */
  onSwap(listener: (model: LoadedModel | undefined) => void): void {
    this.listeners.push(listener);
  }

  /** Serves `next` from now on (undefined: serve nothing); the previous model is freed later. */
  swap(next: LoadedModel | undefined): void {
    const previous = this.model;
    this.model = next;
    if (previous && previous !== next) {
      const timer = setTimeout(() => {
        this.retiring.delete(timer);
        disposeModel(previous);
        releaseNativeMemory();
      }, RETIRE_AFTER_MS);
      timer.unref();
      this.retiring.set(timer, previous);
    }
    for (const l of this.listeners) l(next);
  }

  /** Frees the current model and any retiring one now (shutdown). */
  close(): void {
    for (const [timer, model] of this.retiring) {
      clearTimeout(timer);
      disposeModel(model);
    }
    this.retiring.clear();
    if (this.model) disposeModel(this.model);
    this.model = undefined;
  }
}
