import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers, computed once: with a fixed configuration (no per-request nonce) helmet sets
 * the same headers on every response, so they are captured at start-up by running helmet against
 * a recording response and then copied onto each response (measured: helmet's own middleware
 * chain was about 6% of a cached forecast's CPU).
 */
export function securityHeaders() {
  const headers: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
    getHeader: () => undefined,
  };
  let done = false;
  helmet()({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not complete synchronously; cannot precompute its headers');
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
