import { createDbClient, type DbClient, type DbClientOptions } from '@nba/db';

/**
 * Database clients per route class. Probes and `/metrics` get a small pool of their own, so page
 * traffic can never make `/ready` wait for a connection (or fail, and Kubernetes take a healthy pod
 * out of service); the read routes get one pool of twice the read gate's size (a page holds at most two connections at once), with timeouts short
 * enough to answer a stalled database within 3 s. Model loading and the feature state keep the
 * caller's client with its longer timeouts (as the daily job does).
 */
export interface RouteClients {
  /** `/ready` and `/metrics`. */
  probe: DbClient;
  /** Pages and the stored-data routes (`/v1/games`, `/v1/predictions`, `/v1/models`). */
  read: DbClient;
  /** Closes the pools opened here (not the caller's). */
  close(): Promise<void>;
}

/** Timeouts and pool sizes of each route class. */
export const ROUTE_CLASS_DB_OPTIONS: Readonly<Record<'probe' | 'read', Readonly<DbClientOptions>>> = Object.freeze({
  // a ping and the scrape queries (cached 15 s): a few connections, never shared with pages
  probe: { maxConnections: 3, connectTimeoutMs: 1_000, poolTimeoutMs: 1_000, statementTimeoutMs: 1_000 },
  // a connect (1 s) then a statement (1 s, + the client's 1 s margin when the network says nothing): 3 s at
  // most for one query; the read gate's 2.5 s deadline answers first whatever a route does
  read: { maxConnections: 12, connectTimeoutMs: 1_000, poolTimeoutMs: 1_000, statementTimeoutMs: 1_000 },
});

/** Opens the route classes' pools on `url`; without a URL (a client handed in by a test) every class shares `fallback`. */
export function openRouteClients(url: string | undefined, fallback: DbClient): RouteClients {
  if (!url) return { probe: fallback, read: fallback, close: async () => {} };
  const probe = createDbClient(url, ROUTE_CLASS_DB_OPTIONS.probe);
  const read = createDbClient(url, ROUTE_CLASS_DB_OPTIONS.read);
  return {
    probe,
    read,
    close: async () => {
      await Promise.all([probe.$disconnect(), read.$disconnect()]);
    },
  };
}
