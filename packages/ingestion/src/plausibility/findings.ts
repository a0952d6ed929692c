/** Every check an upstream value can fail; the `reason` stored in `quarantined_values`. */
export const QUARANTINE_REASONS = [
  'points_out_of_range',
  'spread_out_of_range',
  'total_out_of_range',
  'price_out_of_range',
  'overround_out_of_range',
  'moneyline_spread_disagree',
  'line_moved_implausibly',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** Every kind of conflicting upstream record; the `kind` stored in `upstream_conflicts`. */
export const CONFLICT_KINDS = [
  'duplicate_in_response',
  'changed_across_runs',
  'score_changed_after_settlement',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A failed check: which one, and the value and bound in words. */
export interface Finding {
  reason: QuarantineReason;
  detail: string;
}

/** A value kept apart: the failed check and what identifies the value. */
export interface QuarantineItem extends Finding {
  source: string;
  entity: 'game' | 'odds';
  gameKey?: string;
  upstreamId?: string;
  bookmaker?: string;
  market?: string;
  capturedAt?: Date;
  /** The record as received (normalised to our codes). */
  raw: unknown;
}

/** Two versions of one upstream record. */
export interface ConflictItem {
  source: string;
  kind: ConflictKind;
  upstreamId: string;
  gameKey?: string;
  first: unknown;
  second: unknown;
  resolution: string;
}
