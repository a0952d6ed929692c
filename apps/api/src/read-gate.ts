import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@nba/logging';
import { DATABASE_RETRY_AFTER_SECONDS } from './error-handler';
import { ApiError, type ApiErrorCode } from './errors';
import { messagePage } from './pages/message-page';

/** Limits of the read routes (pages and stored data), so page traffic cannot take the probes or the pod down. */
export interface ReadGateOptions {
  /** Requests worked on at once: half the read pool's size (a page holds at most two connections at once), so none waits inside the pool. */
  maxActive: number;
  /** Requests waiting for a turn; one more is shed at once. */
  maxQueued: number;
  /** Longest wait for a turn before the request is shed. */
  maxWaitMs: number;
  /** Longest a read request may take in all (its queries included): then it is answered 503. */
  deadlineMs: number;
  /** `Retry-After` of a shed request, in seconds. */
  retryAfterSeconds: number;
}

/** The defaults: under the 3 s a client or a load balancer waits, with room for the answer. */
export const READ_GATE_DEFAULTS: Readonly<ReadGateOptions> = Object.freeze({
  maxActive: 6,
  maxQueued: 64,
  maxWaitMs: 1_000,
  deadlineMs: 2_500,
  retryAfterSeconds: 1,
});

/** The read routes: GETs of the pages and of stored data, the requests the gate admits. */
const READ_ROUTE =
  /^\/(record|models|outlook|team\/[^/]+|v1\/games|v1\/predictions|v1\/outlook(\/history)?|v1\/models(\/[^/]*)?)?$/;

/** Whether a request is one of the read routes (`path` without the query). */
export function isReadRoute(method: string | undefined, path: string): boolean {
  return method === 'GET' && READ_ROUTE.test(path);
}

/** How often a summary of the requests shed before routing is logged (one line, not one per request). */
const SHED_LOG_INTERVAL_MS = 10_000;

/** A 503 in the route's own language: JSON for `/v1/...`, a page for people otherwise. */
function refuse(req: Request, res: Response, code: ApiErrorCode, message: string, retryAfterSeconds: number): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  const error = new ApiError(code, message);
  res.status(503);
  if (req.path.startsWith('/v1/')) res.json(error.toBody(res.locals.requestId));
  else res.type('html').send(messagePage({ title: 'Busy', message: `${message}. Try again in a few seconds.` }));
}

/**
 * Admission control for the read routes: at most `maxActive` at once, `maxQueued` waiting (each at
 * most `maxWaitMs`), the rest shed at once with 503 `OVERLOADED` and `Retry-After`; an admitted
 * request still unanswered after `deadlineMs` (a stalled database) is answered 503
 * `DATABASE_UNAVAILABLE`, and its late answer dropped. Probes and `/metrics` never pass here.
 */
export class ReadGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private shedCount = 0;
  private shedLogged = 0;
  private shedTimer: NodeJS.Timeout | undefined;
  private readonly busyPage = Buffer.from(
    messagePage({ title: 'Busy', message: 'the server is busy. Try again in a few seconds.' }),
  );
  readonly options: Readonly<ReadGateOptions>;

  /** `logger` gets the summaries of requests shed before routing (none logged without it). */
  constructor(
    options: Partial<ReadGateOptions> = {},
    private readonly logger?: Logger,
  ) {
    this.options = { ...READ_GATE_DEFAULTS, ...options };
  }

  /** Requests working and waiting now, and how many were shed before routing so far. */
  get load(): { active: number; queued: number; shedEarly: number } {
    return { active: this.active, queued: this.queue.length, shedEarly: this.shedCount };
  }

  /** The middleware in front of the read routes. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const { maxActive, maxQueued, maxWaitMs, retryAfterSeconds } = this.options;
      if (this.active < maxActive) return this.admit(req, res, next);
      if (this.queue.length >= maxQueued)
        return refuse(req, res, 'OVERLOADED', 'the server is busy', retryAfterSeconds);
      const turn = () => {
        clearTimeout(timer);
        this.admit(req, res, next);
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(turn), 1);
        refuse(req, res, 'OVERLOADED', 'the server is busy', retryAfterSeconds);
      }, maxWaitMs);
      this.queue.push(turn);
      // a client that gave up while waiting gives its place back
      res.on('close', () => {
        const at = this.queue.indexOf(turn);
        if (at >= 0) {
          clearTimeout(timer);
          this.queue.splice(at, 1);
        }
      });
    };
  }

  /**
   * Sheds a read request when the queue is full before the app sees it, and says whether it did:
   * a burst's surplus (thousands of requests) is answered from two prepared bodies, without
   * Express's parsing, routing and middleware or a log line each, so the event loop is free for
   * the probes and the admitted requests sooner. Such answers carry a request id and `Retry-After`
   * like the gate's own; they are counted (`shedEarly` in {@link load}) and summarised in the log
   * every 10 s.
   */
  shedBeforeRouting(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.queue.length < this.options.maxQueued) return false;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (!isReadRoute(req.method, path)) return false;
    this.shedCount += 1;
    const json = path.startsWith('/v1/');
    const requestId = randomUUID();
    const body = json
      ? Buffer.from(JSON.stringify(new ApiError('OVERLOADED', 'the server is busy').toBody(requestId)))
      : this.busyPage;
    res.writeHead(503, {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'content-length': body.length,
      'retry-after': String(this.options.retryAfterSeconds),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    });
    res.end(body);
    this.logShed();
    return true;
  }

  private logShed(): void {
    if (this.shedTimer || !this.logger) return;
    this.shedTimer = setTimeout(() => {
      this.shedTimer = undefined;
      this.logger?.warn('read requests shed before routing (queue full)', {
        shed: this.shedCount - this.shedLogged,
        maxQueued: this.options.maxQueued,
      });
      this.shedLogged = this.shedCount;
    }, SHED_LOG_INTERVAL_MS);
    this.shedTimer.unref();
  }

  /** Drops the late answer of a request already answered by the deadline, instead of failing its connection. */
  lateAnswers() {
    return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
      if (res.locals.deadlineExpired) return;
      next(err);
    };
  }

  private admit(req: Request, res: Response, next: NextFunction): void {
    this.active += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(deadline);
      this.active -= 1;
      this.queue.shift()?.();
    };
    const deadline = setTimeout(() => {
      if (res.headersSent) return;
      res.locals.deadlineExpired = true;
      // the handler may still answer later: this connection is not reused for it
      res.setHeader('connection', 'close');
      refuse(
        req,
        res,
        'DATABASE_UNAVAILABLE',
        `the database did not answer within ${this.options.deadlineMs} ms`,
        DATABASE_RETRY_AFTER_SECONDS,
      );
      res.locals.log?.warn('read deadline expired', {
        code: 'DATABASE_UNAVAILABLE',
        deadlineMs: this.options.deadlineMs,
        path: req.path,
      });
    }, this.options.deadlineMs);
    res.on('finish', release);
    res.on('close', release);
    next();
  }
}
