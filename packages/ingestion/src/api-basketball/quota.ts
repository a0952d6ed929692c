/** API-Basketball's quota as of the last response (daily requests and per-minute rate). */
export interface ApiBasketballQuota {
  dailyLimit?: number;
  dailyRemaining?: number;
  minuteLimit?: number;
  minuteRemaining?: number;
  /** When these headers were read. */
  at: Date;
}

const num = (v: string | undefined) =>
  v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

/** Reads `x-ratelimit-requests-{limit,remaining}` (daily) and `x-ratelimit-{limit,remaining}` (per minute). */
export function readApiBasketballQuota(headers: Record<string, string>): ApiBasketballQuota | undefined {
  const q: ApiBasketballQuota = { at: new Date() };
  const set = (key: 'dailyLimit' | 'dailyRemaining' | 'minuteLimit' | 'minuteRemaining', header: string) => {
    const v = num(headers[header]);
    if (v !== undefined) q[key] = v;
  };
  set('dailyLimit', 'x-ratelimit-requests-limit');
  set('dailyRemaining', 'x-ratelimit-requests-remaining');
  set('minuteLimit', 'x-ratelimit-limit');
  set('minuteRemaining', 'x-ratelimit-remaining');
  return Object.keys(q).length > 1 ? q : undefined;
}
