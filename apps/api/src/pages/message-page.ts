import type { NextFunction, Request, Response } from 'express';
import { databaseProblemOf } from '@nba/db';
import { DATABASE_RETRY_AFTER_SECONDS } from '../error-handler';
import { html, type Html } from './html';
import { layout, type ViewName } from './layout';

/** A page that only says something: a bad date, an unknown model, an unavailable database. */
export function messagePage(options: {
  title: string;
  message: Html | string;
  active?: ViewName;
  extra?: Html;
}): string {
  return layout({
    title: options.title,
    active: options.active,
    demo: false,
    body: html`<h1>${options.title}</h1>
<p class="error" role="alert">${options.message}</p>
${options.extra ?? ''}
<p><a href="/">Today's games</a> · <a href="/record">Record</a> · <a href="/models">Models</a></p>`,
  });
}

/**
 * The page routes' error handler: HTML, never a stack trace or a JSON body. A database that
 * cannot be used is a 503 saying so (with `Retry-After`, as the JSON routes do); anything else is
 * a 500 that gives the request id to quote and logs the error for the operator.
 */
export function pageErrors() {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const problem = databaseProblemOf(err);
    if (problem) {
      res.locals.log.warn('database unavailable', { code: 'DATABASE_UNAVAILABLE', problem: problem.message });
      res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      res
        .status(503)
        .type('html')
        .send(
          messagePage({
            title: 'Database unavailable',
            message:
              'The forecasts database is unavailable right now, so this page cannot be shown. Try again in a few seconds.',
          }),
        );
      return;
    }
    res.locals.log.error('unhandled error', { err });
    res
      .status(500)
      .type('html')
      .send(
        messagePage({
          title: 'Something went wrong',
          message: html`This page could not be built. If it keeps happening, report it quoting request id <code>${res.locals.requestId}</code>.`,
        }),
      );
  };
}
