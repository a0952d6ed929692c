import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, type FaultKind, type FaultSettings } from './faults';
import type { LeagueGame } from '../league/league-game';

/** Games served: a fixed list, or a function read on every request (the demo moves "today"). */
export type GameSource = readonly LeagueGame[] | (() => readonly LeagueGame[]);

export interface StandInOptions {
  games: GameSource;
  /** The key requests must carry. */
  apiKey: string;
  /** Requests allowed before the quota is exhausted (default 10,000). */
  quota?: number;
  /** `Retry-After` seconds sent with 429 faults (default 1). */
  retryAfterSeconds?: number;
  /** How long a `slow` fault holds the response (default 2,000 ms). */
  slowMs?: number;
  /** The server's clock (default the real one). */
  now?: () => Date;
}

/** A request as the stand-in saw it (for assertions). */
export interface SeenRequest {
  path: string;
  query: Record<string, string>;
  fault?: FaultKind;
}

/** What a route returns: a status and a JSON body, plus headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Base of both stand-ins: a node:http server on port 0 with runtime-switchable faults, a quota,
 * and a log of requests. Subclasses answer routes and render faults in their upstream's style.
 */
export abstract class StandInServer {
  protected readonly faults = new FaultPlan();
  protected readonly options: Required<Omit<StandInOptions, 'now'>> & { now: () => Date };
  /** Every request received, in order. */
  readonly requests: SeenRequest[] = [];
  /** Requests counted against the quota. */
  used = 0;
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private baseUrl = '';

  constructor(options: StandInOptions) {
    this.options = { quota: 10_000, retryAfterSeconds: 1, slowMs: 2000, now: () => new Date(), ...options };
  }

  /** Starts listening on 127.0.0.1 on a free port; resolves to the base URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.basePath()}`;
    return this.baseUrl;
  }

  /** The base URL clients use (after `start`). */
  get url(): string {
    return this.baseUrl;
  }

  /** Random faults from now on, e.g. `{ rate: 0.2, kinds: ['server-error'], seed: 7 }`. */
  setFaults(settings: FaultSettings): void {
    this.faults.set(settings);
  }

  /** The next `n` requests fail with `kind`. */
  failNext(n: number, kind: FaultKind): void {
    this.faults.failNext(n, kind);
  }

  /** Turns all faults off. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Faults injected so far, by kind. */
  get injectedFaults(): ReadonlyMap<FaultKind, number> {
    return this.faults.injected;
  }

  /** Stops the server, dropping open connections and held responses. */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  protected games(): readonly LeagueGame[] {
    const g = this.options.games;
    return typeof g === 'function' ? g() : g;
  }

  /** Path prefix of the API (`/v4` for The Odds API). */
  protected basePath(): string {
    return '';
  }

  protected abstract route(path: string, query: Record<string, string>, req: IncomingMessage): Reply;
  /** The reply for a fault that this upstream expresses in its own format. */
  protected abstract faultReply(kind: FaultKind, path: string): Reply;
  /** Quota headers in this upstream's naming. */
  protected abstract quotaHeaders(): Record<string, string>;

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(u.searchParams);
    const path = u.pathname.startsWith(this.basePath()) ? u.pathname.slice(this.basePath().length) || '/' : u.pathname;
    const fault = this.faults.draw();
    this.requests.push({ path, query, ...(fault ? { fault } : {}) });
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    this.used++;
    let reply: Reply;
    try {
      reply =
        fault && fault !== 'slow' && fault !== 'malformed'
          ? this.faultReply(fault, path)
          : this.route(path, query, req);
    } catch (e) {
      reply = { status: 500, body: { message: `stand-in error: ${(e as Error).message}` } };
    }
    let text = JSON.stringify(reply.body);
    if (fault === 'malformed' && reply.status === 200) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...this.quotaHeaders(), ...reply.headers });
      res.end(text);
    };
    if (fault === 'slow') {
      const t = setTimeout(() => {
        this.timers.delete(t);
        send();
      }, this.options.slowMs);
      this.timers.add(t);
    } else send();
  }
}
