import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Logger } from '@nba/logging';

/** Options of {@link drainAndClose}. */
export interface DrainOptions {
  /**
   * How long keep-alive connections are left open after the signal so their clients learn to close
   * (every answer now says `Connection: close`); connections still idle after it are closed.
   */
  drainMs: number;
  /** Then, how long requests still in flight may take before every connection is cut. */
  timeoutMs: number;
  logger: Logger;
}

const connectionCount = (server: Server) =>
  new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n ?? 0)));

/** Resolves when `server` has no connections left, or after `ms` (false then). */
async function noConnectionsWithin(server: Server, closed: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([closed.then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops `server` without failing a request. It stops accepting at once but does not touch idle
 * keep-alive sockets yet: `http.Server.close()` would close them immediately, and a client that is
 * sending its next request on one at that moment gets ECONNRESET (the request is lost). Instead each
 * socket closes after its next answer (the app marks answers `Connection: close` once shutting
 * down), which the client sees before it could reuse the socket. Only sockets that stayed idle for
 * the whole drain period are closed by the server, then in-flight requests get `timeoutMs` more.
 */
export async function drainAndClose(server: Server, options: DrainOptions): Promise<void> {
  // net.Server's close: stop listening only (http.Server's also sweeps idle keep-alive sockets)
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  const open = await connectionCount(server);
  options.logger.info('shutting down: finishing in-flight requests', {
    connections: open,
    drainMs: options.drainMs,
    timeoutMs: options.timeoutMs,
  });
  if (await noConnectionsWithin(server, closed, options.drainMs)) return;
  // idle since the signal for the whole drain: their clients are not sending
  server.closeIdleConnections();
  if (await noConnectionsWithin(server, closed, options.timeoutMs)) return;
  options.logger.warn('shutdown timeout: closing remaining connections', {
    connections: await connectionCount(server),
  });
  server.closeAllConnections();
  await closed;
}
