import type { NextFunction, Request, Response } from 'express';
import { databaseProblemOf } from '@nba/db';
import { ApiError } from './errors';

/**
 * `Retry-After` of a 503 for an unavailable database: long enough for a restarted server or a healed
 * network, short enough that clients come back soon; requests in between fail fast at the timeouts.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** An error raised with an HTTP status by Express's own helpers (`http-errors`); the body's errors are raised by json-body.ts as ApiErrors. */
interface HttpishError {
  status?: number;
  expose?: boolean;
  message?: string;
}

/** A client error raised with a status stays a 400 naming it; anything unknown becomes a 500 without details. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as HttpishError;
  if (e.expose && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return new ApiError('VALIDATION_FAILED', e.message ?? 'bad request', [
      { field: '(body)', problem: e.message ?? 'bad request' },
    ]);
  }
  return new ApiError('INTERNAL', 'internal error; quote the request id when reporting it', undefined, { cause: err });
}

/**
 * The last middleware: every error as `{error: {code, message, details?, requestId}}`, never a stack
 * trace. A database that cannot be used (down, stalled, timed out) is a 503 `DATABASE_UNAVAILABLE`
 * with `Retry-After`; the log gets the operator's line (what is wrong, what to do).
 */
export function errorHandler() {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const problem = err instanceof ApiError ? undefined : databaseProblemOf(err);
    const apiError = problem
      ? new ApiError('DATABASE_UNAVAILABLE', 'the database is unavailable; retry later', undefined, { cause: err })
      : toApiError(err);
    if (problem) {
      res.locals.log.warn('database unavailable', { code: apiError.code, problem: problem.message });
      res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (apiError.code === 'INTERNAL') res.locals.log.error('unhandled error', { err });
    else if (apiError.status >= 500) res.locals.log.warn(apiError.message, { code: apiError.code });
    res.status(apiError.status).json(apiError.toBody(res.locals.requestId));
  };
}

/** 404 for every route nobody handles, in the same JSON shape. */
export function notFound() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    next(new ApiError('ROUTE_NOT_FOUND', `no route ${req.method} ${req.path}; see /docs`));
  };
}
