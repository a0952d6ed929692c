import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { FeatureStore } from './feature-store';
import { ApiMetrics } from './metrics';
import { ModelHolder } from './model-holder';
import { ModelWatcher } from './model-watcher';
import { ServedModels } from './served-models';

/** The long-lived parts behind the app. */
export interface Services {
  registry: ModelRegistry;
  /** Every served model, the default first. */
  models: ServedModels;
  metrics: ApiMetrics;
  features: FeatureStore;
  /** Builds the features, then loads the production versions and starts watching for promotions. */
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
  /** Registry names of the served models; the first is the default. */
  modelNames: readonly string[];
  /** Settled forecasts the rolling record gauges cover (default 200). */
  rollingWindowGames?: number;
  modelPollIntervalMs: number;
  /** Longest wait for the LISTEN connection to open (default 5 s). */
  connectTimeoutMs?: number;
  /** The client of `/metrics`' queries: the probes' pool, never behind page traffic (default `db`). */
  probeDb?: DbClient;
  now?: () => Date;
}

/** Wires registry, model holder and watcher, feature store and metrics together. */
export function createServices(options: ServicesOptions): Services {
  const { db, logger } = options;
  const registry = new ModelRegistry(db, { logger });
  const metrics = new ApiMetrics(options.probeDb ?? db, logger, options.rollingWindowGames);
  const features = new FeatureStore(db, logger, options.now);
  const watchers: ModelWatcher[] = [];
  const models = new ServedModels(
    options.modelNames.map((name) => {
      const holder = new ModelHolder();
      const watcher = new ModelWatcher({
        registry,
        holder,
        name,
        logger,
        databaseUrl: options.databaseUrl,
        pollIntervalMs: options.modelPollIntervalMs,
        connectTimeoutMs: options.connectTimeoutMs,
        onLoadFailure: (version) => metrics.loadFailed(name, version),
      });
      holder.onSwap((m) => metrics.modelSwapped(name, m));
      watchers.push(watcher);
      return { name, holder };
    }),
  );
  return {
    registry,
    models,
    metrics,
    features,
    async start(featureRefreshIntervalMs) {
      await features.refresh();
      await Promise.all(watchers.map((w) => w.start()));
      // a new model may come with new history: bring the features up to date after each swap
      for (const m of models.all)
        m.holder.onSwap(
          () => void features.refresh().catch((err) => logger.error('feature state refresh failed', { err })),
        );
      features.start(featureRefreshIntervalMs);
    },
    async stop() {
      features.stop();
      await Promise.all(watchers.map((w) => w.stop()));
      for (const m of models.all) m.holder.close();
    },
  };
}
