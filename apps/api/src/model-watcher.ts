import type { Logger } from '@nba/logging';
import { listenForPromotions, type ModelRegistry, type PromotionListener } from '@nba/registry';
import { disposeModel, loadModel } from './loaded-model';
import type { ModelHolder } from './model-holder';

/** Options of {@link ModelWatcher}. */
export interface ModelWatcherOptions {
  registry: ModelRegistry;
  holder: ModelHolder;
  /** Registry name of the served model. */
  name: string;
  logger: Logger;
  /** Where to LISTEN for promotions; without it only polling notices them. */
  databaseUrl?: string;
  /** Poll interval (0: no polling). */
  pollIntervalMs: number;
  /** Longest wait for the LISTEN connection to open (default: the database default, 5 s). */
  connectTimeoutMs?: number;
  /** Called when a version fails to load (metrics). */
  onLoadFailure?: (version: string, error: unknown) => void;
}

/**
 * Keeps the holder on the registry's production version: checks at start, on every
 * `NOTIFY model_promoted` for the name, and on a poll timer as a fallback. A new version is loaded
 * and verified next to the serving one and swapped in only when it is ready; a version that fails
 * to load is logged (once) and the old model keeps serving. When the registry has no production
 * version, the model is unloaded and predictions answer 503.
 */
export class ModelWatcher {
  private checking: Promise<void> | undefined;
  private again = false;
  private failed: string | undefined;
  private listener: PromotionListener | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly opts: ModelWatcherOptions) {}

  /** First check (errors logged, not thrown), then LISTEN and polling. */
  async start(): Promise<void> {
    await this.check('start');
    if (this.opts.databaseUrl) {
      this.listener = await listenForPromotions(this.opts.databaseUrl, {
        logger: this.opts.logger,
        ...(this.opts.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.opts.connectTimeoutMs } : {}),
        onPromotion: (name) => name === this.opts.name && void this.check('notify'),
        // a promotion may have happened while disconnected
        onReconnected: () => void this.check('listen'),
      });
    }
    if (this.opts.pollIntervalMs > 0) {
      this.timer = setInterval(() => void this.check('poll'), this.opts.pollIntervalMs);
      this.timer.unref();
    }
  }

  /** Compares the registry's production version with the served one and swaps when they differ. Never throws. */
  check(reason: string): Promise<void> {
    if (this.checking) {
      // a notification during a load: look again once it is done
      this.again = true;
      return this.checking;
    }
    this.checking = this.run(reason).finally(() => {
      this.checking = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.check('queued');
      }
    });
    return this.checking;
  }

  private async run(reason: string): Promise<void> {
    const { registry, holder, name, logger } = this.opts;
    let info;
    try {
      info = await registry.getProductionVersion(name);
    } catch (err) {
      logger.warn('cannot read the production model from the registry; keeping the current one', {
        model: name,
        reason,
        err,
      });
      return;
    }
    const serving = holder.current;
    if (!info) {
      if (serving)
        logger.warn('the registry has no production version any more; unloading', {
          model: name,
          version: serving.version,
        });
      else if (reason === 'start')
        logger.warn('no production model registered; predictions answer 503 until one is promoted', { model: name });
      holder.swap(undefined);
      return;
    }
    if (serving && serving.id === info.id) return;
    const key = `${info.id}:${info.artifacts.map((a) => a.sha256).join(',')}`;
    if (this.failed === key) return;
    const started = Date.now();
    try {
      const model = await loadModel(registry, info);
      if (this.stopped) {
        disposeModel(model);
        return;
      }
      holder.swap(model);
      this.failed = undefined;
      logger.info('production model loaded', {
        model: name,
        version: info.version,
        previous: serving?.version,
        reason,
        ms: Date.now() - started,
      });
    } catch (err) {
      this.failed = key;
      this.opts.onLoadFailure?.(info.version, err);
      logger.error('production model failed to load; the previous model keeps serving', {
        model: name,
        version: info.version,
        serving: serving?.version ?? null,
        reason,
        err,
      });
    }
  }

  /** Stops polling and listening; waits for a load in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.stop();
    await this.checking;
  }
}
