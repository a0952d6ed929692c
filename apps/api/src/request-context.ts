import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@nba/logging';
import type { ApiMetrics } from './metrics';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** This request's id (also in the `x-request-id` response header). */
      requestId: string;
      /** A logger whose lines carry the request id. */
      log: Logger;
    }
  }
}

/** A request's logger: the child logger (with the request id) is made on first use only. */
class LazyLog implements Logger {
  private made: Logger | undefined;
  constructor(
    private readonly parent: Logger,
    private readonly requestId: string,
  ) {}
  private get log(): Logger {
    return (this.made ??= this.parent.child({ requestId: this.requestId }));
  }
  error(message: string, meta?: Record<string, unknown>): unknown {
    return this.log.error(message, meta);
  }
  warn(message: string, meta?: Record<string, unknown>): unknown {
    return this.log.warn(message, meta);
  }
  info(message: string, meta?: Record<string, unknown>): unknown {
    return this.log.info(message, meta);
  }
  debug(message: string, meta?: Record<string, unknown>): unknown {
    return this.log.debug(message, meta);
  }
  child(context: Record<string, unknown>): Logger {
    return this.log.child(context);
  }
}

/** Header carrying the request id both ways. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The route template of a finished request (`/v1/games`), or `<unmatched>` for unknown paths (bounded label set). */
function routeLabel(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : '<unmatched>';
}

/**
 * Per-request context: takes the caller's `x-request-id` when it is a safe token, else makes one;
 * echoes it; gives handlers a child logger carrying it; on finish records metrics and an access
 * log line when `accessLog` is on (winston formats a line even when its level is off, ~30 µs, so
 * it is opt-in); a 5xx is always logged.
 */
export function requestContext(logger: Logger, metrics: ApiMetrics, accessLog: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals.requestId = requestId;
    res.locals.log = new LazyLog(logger, requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req);
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      if (!accessLog && res.statusCode < 500) return;
      const line = {
        method: req.method,
        path: req.path,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 1e5) / 100,
      };
      if (res.statusCode >= 500) res.locals.log.warn('request failed', line);
      else res.locals.log.info('request', line);
    });
    next();
  };
}
