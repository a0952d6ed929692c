import { Rng } from '../league/rng';

/**
 * Faults a stand-in can inject into a response:
 * - `rate-limit`: 429 with `Retry-After`;
 * - `server-error` / `unavailable`: 500 / 503;
 * - `slow`: the response is held for `slowMs` (past the client's timeout);
 * - `malformed`: 200 with a truncated JSON body;
 * - `reset`: the connection is destroyed without a response;
 * - `envelope-rate-limit` / `envelope-quota`: API-Basketball's HTTP 200 envelope with `errors`
 *   (`rateLimit`, `requests`); The Odds API answers 429 / 401-quota instead;
 * - `wrong-key`: answered as if the key were wrong.
 */
export type FaultKind =
  | 'rate-limit'
  | 'server-error'
  | 'unavailable'
  | 'slow'
  | 'malformed'
  | 'reset'
  | 'envelope-rate-limit'
  | 'envelope-quota'
  | 'wrong-key';

/** Faults a client can recover from by retrying (used for "20 % of requests fail" runs). */
export const TRANSIENT_FAULTS: readonly FaultKind[] = [
  'rate-limit',
  'server-error',
  'unavailable',
  'slow',
  'malformed',
  'reset',
  'envelope-rate-limit',
];

export interface FaultSettings {
  /** Share of requests that fail, 0..1. */
  rate: number;
  /** Which faults to draw from (uniformly); default TRANSIENT_FAULTS. */
  kinds?: readonly FaultKind[];
  /** Seed of the draw, so a run is reproducible. */
  seed?: number;
}

/** Decides, request by request, which fault (if any) to inject: queued ones first, then random ones. */
export class FaultPlan {
  private queue: FaultKind[] = [];
  private rate = 0;
  private kinds: readonly FaultKind[] = TRANSIENT_FAULTS;
  private rng = new Rng(1);
  /** How many faults were injected, by kind. */
  readonly injected = new Map<FaultKind, number>();

  /** Random faults from now on (`rate: 0` turns them off). */
  set(settings: FaultSettings): void {
    if (!(settings.rate >= 0 && settings.rate <= 1))
      throw new Error(`fault rate must be within 0..1, got ${settings.rate}`);
    this.rate = settings.rate;
    this.kinds = settings.kinds?.length ? settings.kinds : TRANSIENT_FAULTS;
    this.rng = new Rng(settings.seed ?? 1);
  }

  /** The next `n` requests fail with `kind`, before any random fault. */
  failNext(n: number, kind: FaultKind): void {
    for (let i = 0; i < n; i++) this.queue.push(kind);
  }

  /** No faults at all. */
  clear(): void {
    this.queue = [];
    this.rate = 0;
  }

  /** The fault for the current request, or undefined. */
  draw(): FaultKind | undefined {
    let kind = this.queue.shift();
    if (!kind && this.rate > 0 && this.rng.next() < this.rate) kind = this.kinds[this.rng.int(this.kinds.length)];
    if (kind) this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
    return kind;
  }

  /** Total injected faults. */
  get injectedTotal(): number {
    let n = 0;
    for (const v of this.injected.values()) n += v;
    return n;
  }
}
