import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { FeatureStore } from './feature-store';
import { ApiMetrics } from './metrics';
import { ModelHolder } from './model-holder';
import { ModelWatcher } from './model-watcher';

/** The long-lived parts behind the app. */
export interface Services {
  registry: ModelRegistry;
  holder: ModelHolder;
  metrics: ApiMetrics;
  features: FeatureStore;
  watcher: ModelWatcher;
  /** Builds the features, then loads the production model and starts watching for promotions. */
  start(featureRefreshIntervalMs: number): Promise<void>;
  /** Stops timers and the listener and frees the models. */
  stop(): Promise<void>;
}

/** Options of {@link createServices}. */
export interface ServicesOptions {
  db: DbClient;
  /** Database URL for LISTEN/NOTIFY (polling only without it). */
  databaseUrl?: string;
  logger: Logger;
  modelName: string;
  modelPollIntervalMs: number;
  /** Longest wait for the LISTEN connection to open (default 5 s). */
  connectTimeoutMs?: number;
  now?: () => Date;
}

/** Wires registry, model holder and watcher, feature store and metrics together. */
export function createServices(options: ServicesOptions): Services {
  const { db, logger, modelName } = options;
  const registry = new ModelRegistry(db, { logger });
  const holder = new ModelHolder();
  const metrics = new ApiMetrics(db, logger);
  const features = new FeatureStore(db, logger, options.now);
  const watcher = new ModelWatcher({
    registry,
    holder,
    name: modelName,
    logger,
    databaseUrl: options.databaseUrl,
    pollIntervalMs: options.modelPollIntervalMs,
    connectTimeoutMs: options.connectTimeoutMs,
    onLoadFailure: (version) => metrics.loadFailed(modelName, version),
  });
  holder.onSwap((m) => metrics.modelSwapped(m));
  return {
    registry,
    holder,
    metrics,
    features,
    watcher,
    async start(featureRefreshIntervalMs) {
      await features.refresh();
      await watcher.start();
      // a new model may come with new history: bring the features up to date after each swap
      holder.onSwap(() => void features.refresh().catch((err) => logger.error('feature state refresh failed', { err })));
      features.start(featureRefreshIntervalMs);
    },
    async stop() {
      features.stop();
      await watcher.stop();
      holder.close();
    },
  };
}
