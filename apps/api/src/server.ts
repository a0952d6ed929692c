import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pingDatabase, type DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { ModelRegistry } from '@nba/registry';
import { createApp } from './app';
import { drainAndClose } from './graceful-close';
import { stopChartWorker, warmChartWorker } from './pages/chart-worker';
import { pageCache, warmPages } from './pages/pages-router';
import type { RenderedPages } from './pages/rendered-pages';
import { ReadGate } from './read-gate';
import type { FeatureStore } from './feature-store';
import { DEFAULT_MODEL_NAMES, type ServedModels } from './served-models';
import { openRouteClients } from './route-clients';
import { createServices } from './services';
import { startProbeServer, type ProbeServer } from './probe-server';

/** Pending connections the kernel may queue (Node's default is 511). */
const LISTEN_BACKLOG = 4096;

/** How long the pages' data version is trusted: a settlement or a new forecast shows on the record and day views within this time. */
const PAGE_RECHECK_MS = 2_000;

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** An open database: its client, and its URL for LISTEN/NOTIFY. */
  db: { client: DbClient; url?: string };
  logger: Logger;
  port: number;
  host?: string;
  /** The probes' own port (`/health`, `/ready` from a worker thread, see probe-server.ts); unset: probes on the main port only. */
  probePort?: number;
  /** Registry names of the served models, the default first (default `nba-winner`, `nba-winner-stats`). */
  modelNames?: readonly string[];
  /** Settled forecasts the rolling record gauges cover (default 200). */
  rollingWindowGames?: number;
  /** Registry poll interval (default 30 s; 0: LISTEN/NOTIFY only). */
  modelPollIntervalMs?: number;
  /** Longest wait for the LISTEN connection to open (default 5 s; the client's own timeouts are set where it is created). */
  dbConnectTimeoutMs?: number;
  /** Feature refresh interval (default 5 min; 0: only at start and after a model swap). */
  featureRefreshIntervalMs?: number;
  /** How long `close()` leaves keep-alive connections to close after their next answer before closing idle ones (default 5 s). */
  shutdownDrainMs?: number;
  /** How long `close()` then waits for in-flight requests before cutting connections (default 10 s). */
  shutdownTimeoutMs?: number;
  /** One info log line per request (default off). */
  accessLog?: boolean;
  /** Forecasts kept for repeated on-demand requests (default 10,000; 0: none). */
  predictCacheSize?: number;
  /** How long the record and day views are served before their data version is read again (default 2 s; 0: every request). */
  pageRecheckMs?: number;
}

/** A running API. */
export interface RunningServer {
  server: Server;
  /** `http://host:port` it listens on. */
  url: string;
  /** `http://host:port` of the probe port, when one was asked for. */
  probeUrl?: string;
  /** Every served model, the default first. */
  models: ServedModels;
  features: FeatureStore;
  /** The rendered record and day views (`renders` counts renders). */
  pages: RenderedPages;
  /**
   * Graceful stop: readiness fails, the listener stops accepting, every answer says `Connection:
   * close`, connections idle for the whole drain period are closed, in-flight requests finish (up
   * to the timeout), then timers and the LISTEN connection stop and native models are freed. The
   * database client is the caller's to close.
   */
  close(): Promise<void>;
}

/**
 * Builds the feature state and loads the production model, then listens. Used by `main` and by
 * the pipeline runner's `start` command (which owns the database).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const db = options.db.client;
  // pools per route class: probes and pages never wait for each other (opened lazily: no connection yet)
  const clients = openRouteClients(options.db.url, db);
  const services = createServices({
    db,
    probeDb: clients.probe,
    databaseUrl: options.db.url,
    logger,
    modelNames: options.modelNames ?? DEFAULT_MODEL_NAMES,
    ...(options.rollingWindowGames !== undefined ? { rollingWindowGames: options.rollingWindowGames } : {}),
    modelPollIntervalMs: options.modelPollIntervalMs ?? 30_000,
    connectTimeoutMs: options.dbConnectTimeoutMs,
  });
  const { registry, models, metrics, features } = services;
  let shuttingDown = false;
  try {
    await services.start(options.featureRefreshIntervalMs ?? 300_000);
  } catch (err) {
    await clients.close();
    throw err;
  }
  warmChartWorker();
  const readRegistry = new ModelRegistry(clients.read, { logger });
  const readGate = new ReadGate({}, logger);
  // the record and day views rendered once per data change; a promotion shows at once
  const pages = pageCache(clients.read, options.pageRecheckMs ?? PAGE_RECHECK_MS);
  for (const m of models.all) m.holder.onSwap(() => pages.invalidate());
  const app = createApp({
    db,
    registry,
    readDb: clients.read,
    readRegistry,
    probeDb: clients.probe,
    models,
    features,
    metrics,
    logger,
    isShuttingDown: () => shuttingDown,
    accessLog: options.accessLog ?? false,
    predictCacheSize: options.predictCacheSize,
    readGate,
    pages,
  });
  // a burst's surplus is shed before Express sees it (see ReadGate.shedBeforeRouting)
  const httpServer = createServer((req, res) => {
    if (shuttingDown) res.setHeader('connection', 'close');
    if (!readGate.shedBeforeRouting(req, res)) app(req, res);
  });

  // the record's and the outlook's first renders (every chart) before the server takes requests, as the models are
  // loaded before it: on a loaded machine they take seconds, longer than a read request may wait (the read gate's deadline)
  await warmPages(pages, { db: clients.read, registry: readRegistry, defaultModel: models.main.name }).catch(
    (err: unknown) =>
      logger.warn('record and outlook pages not rendered at start; the first requests render them', { err }),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    // a deep accept backlog: a page burst's connections must not crowd out a probe's new one (the kernel caps it at somaxconn)
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', LISTEN_BACKLOG, () => {
      httpServer.off('error', reject);
      resolve(httpServer);
    });
  });
  let probes: ProbeServer | undefined;
  if (options.probePort !== undefined) {
    try {
      probes = await startProbeServer({
        port: options.probePort,
        host: options.host,
        logger,
        snapshot: () => ({
          shuttingDown,
          modelsNotLoaded: models.all.filter((m) => !m.holder.current).length,
          featuresBuilt: features.current !== undefined,
        }),
        // the probes' pool, as the main port's /ready; under the readiness probe's timeout
        pingDatabase: () => pingDatabase(clients.probe, 2_000),
      });
    } catch (err) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.stop();
      await stopChartWorker();
      await clients.close();
      throw err;
    }
  }
  // keep-alive longer than typical load balancer idle timeouts, so they close first
  server.keepAliveTimeout = 65_000;
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info('api listening', {
    url,
    models: Object.fromEntries(models.all.map((m) => [m.name, m.holder.current?.version ?? null])),
    featuresAsOf: features.current?.asOf ?? null,
    probeUrl: probes?.url ?? null,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      shuttingDown = true;
      // /ready on the probe port turns 503 at once; the worker answers until the main port has drained
      probes?.publish();
      await drainAndClose(server, {
        drainMs: options.shutdownDrainMs ?? 5_000,
        timeoutMs: options.shutdownTimeoutMs ?? 10_000,
        logger,
      });
      await services.stop();
      await stopChartWorker();
      await probes?.close();
      await clients.close();
      logger.info('api stopped');
    })());
  return { server, url, ...(probes ? { probeUrl: probes.url } : {}), models, features, pages, close };
}
