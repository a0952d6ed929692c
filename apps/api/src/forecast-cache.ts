import type { FeatureSnapshot } from './feature-store';
import type { LoadedModel } from './loaded-model';

/**
 * Serialized forecasts by request, for one model and one feature snapshot. A forecast is a pure
 * function of (model, feature state, matchup, date, options), and clients ask for the same few
 * games of a day over and over; the cache empties itself when the model or the snapshot changes,
 * so it can never serve a forecast the current pair would not produce. Least recently used entries
 * go first once `capacity` is reached; capacity 0 disables it.
 */
export class ForecastCache {
  private entries = new Map<string, string>();
  private model: LoadedModel | undefined;
  private snap: FeatureSnapshot | undefined;
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  private scope(model: LoadedModel, snap: FeatureSnapshot): void {
    if (model !== this.model || snap !== this.snap) {
      this.entries.clear();
      this.model = model;
      this.snap = snap;
    }
  }

  /** The cached JSON for `key` under this model and snapshot, or undefined. */
  get(model: LoadedModel, snap: FeatureSnapshot, key: string): string | undefined {
    if (this.capacity === 0) return undefined;
    this.scope(model, snap);
    const json = this.entries.get(key);
    if (json === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // move to the back: most recently used
    this.entries.delete(key);
    this.entries.set(key, json);
    return json;
  }

  /** Stores the JSON of a forecast made with this model and snapshot. */
  set(model: LoadedModel, snap: FeatureSnapshot, key: string, json: string): void {
    if (this.capacity === 0) return;
    this.scope(model, snap);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, json);
  }

  get size(): number {
    return this.entries.size;
  }
}
