import type { NextFunction, Request, Response } from 'express';
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

/** A 503 in the route's own language: JSON for `/v1/...`, a page for people otherwise. */
function refuse(req: Request, res: Response, code: ApiErrorCode, message: string, retryAfterSeconds: number): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  const error = new ApiError(code, message);
  res.status(503);
  if (req.path.startsWith('/v1/')) res.json(error.toBody(res.locals.requestId as string | undefined));
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
  readonly options: Readonly<ReadGateOptions>;

  constructor(options: Partial<ReadGateOptions> = {}) {
    this.options = { ...READ_GATE_DEFAULTS, ...options };
  }

  /** Requests working and waiting now. */
  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.queue.length };
  }

  /** The middleware in front of the read routes. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const { maxActive, maxQueued, maxWaitMs, retryAfterSeconds } = this.options;
      if (this.active < maxActive) return this.admit(req, res, next);
      if (this.queue.length >= maxQueued) return refuse(req, res, 'OVERLOADED', 'the server is busy', retryAfterSeconds);
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
      refuse(req, res, 'DATABASE_UNAVAILABLE', `the database did not answer within ${this.options.deadlineMs} ms`, DATABASE_RETRY_AFTER_SECONDS);
      res.locals.log?.warn('read deadline expired', { code: 'DATABASE_UNAVAILABLE', deadlineMs: this.options.deadlineMs, path: req.path });
    }, this.options.deadlineMs);
    res.on('finish', release);
    res.on('close', release);
    next();
  }
}
