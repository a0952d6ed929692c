import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './errors';

/**
 * Answers 413 and closes the connection: keeping it alive would mean reading (and discarding) the
 * rest of the body first, all 100 MB of it if that is what the client sends. With
 * `Connection: close`, Node destroys the socket once the response is flushed, and stops reading.
 */
function tooLarge(req: Request, res: Response, next: NextFunction, limit: number): void {
  res.setHeader('connection', 'close');
  // no more body into memory: the socket's buffers fill and TCP holds the client back until the close
  req.pause();
  next(new ApiError('PAYLOAD_TOO_LARGE', `the request body is larger than ${limit} bytes`));
}

/**
 * Reads `application/json` request bodies (UTF-8, uncompressed, at most `limit` bytes) into
 * `req.body`. A lean replacement of `express.json()` for this API's small bodies: body-parser's
 * general machinery (charsets, inflation, streams) was about 8% of a cached forecast's CPU.
 * Other content types leave `req.body` undefined (validation then says a JSON object is required).
 */
export function jsonBody(limit: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const type = req.headers['content-type'];
    if (
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      !type ||
      !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)
    )
      return next();
    const charset = /;\s*charset=([^;\s]+)/i.exec(type)?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      return next(
        new ApiError('VALIDATION_FAILED', `unsupported charset ${charset}; send UTF-8`, [
          { field: '(body)', problem: 'must be UTF-8 JSON' },
        ]),
      );
    }
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      return next(
        new ApiError('VALIDATION_FAILED', `unsupported content-encoding ${encoding}`, [
          { field: '(body)', problem: 'must not be compressed' },
        ]),
      );
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return tooLarge(req, res, next, limit);
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        tooLarge(req, res, next, limit);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (err) => {
      if (failed) return;
      failed = true;
      next(err);
    });
    req.on('end', () => {
      if (failed) return;
      const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
      if (text.trim() === '') {
        req.body = undefined;
        return next();
      }
      try {
        req.body = JSON.parse(text) as unknown;
      } catch {
        return next(
          new ApiError('INVALID_JSON', 'the request body is not valid JSON', [
            { field: '(body)', problem: 'is not valid JSON' },
          ]),
        );
      }
      next();
    });
  };
}
