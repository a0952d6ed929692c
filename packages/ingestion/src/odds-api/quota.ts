/** The Odds API's usage as of the last response. */
export interface OddsApiQuota {
  /** Credits left this month. */
  remaining?: number;
  /** Credits used this month. */
  used?: number;
  /** Cost of the last request. */
  last?: number;
  at: Date;
}

const num = (v: string | undefined) =>
  v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

/** Reads `x-requests-remaining`, `x-requests-used`, `x-requests-last`. */
export function readOddsApiQuota(headers: Record<string, string>): OddsApiQuota | undefined {
  const remaining = num(headers['x-requests-remaining']);
  const used = num(headers['x-requests-used']);
  const last = num(headers['x-requests-last']);
  if (remaining === undefined && used === undefined && last === undefined) return undefined;
  return {
    at: new Date(),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(used !== undefined ? { used } : {}),
    ...(last !== undefined ? { last } : {}),
  };
}
