import type { DbClient } from '@nba/db';

/** Quarantined values of one source that failed one check. */
export interface QuarantineCount {
  source: string;
  reason: string;
  count: number;
  lastSeenAt: Date;
}

/** Recorded conflicts of one source and kind. */
export interface ConflictCount {
  source: string;
  kind: string;
  count: number;
  lastAt: Date;
}

export interface QuarantinedEntry {
  source: string;
  reason: string;
  detail: string;
  gameKey: string | null;
  bookmaker: string | null;
  market: string | null;
  firstSeenAt: Date;
  seenCount: number;
}

export interface ConflictEntry {
  source: string;
  kind: string;
  upstreamId: string;
  gameKey: string | null;
  resolution: string;
  detectedAt: Date;
}

/** What the data-quality tables hold: counts by source and reason or kind, and the latest entries. */
export interface DataQualityReport {
  quarantined: QuarantineCount[];
  conflicts: ConflictCount[];
  recentQuarantined: QuarantinedEntry[];
  recentConflicts: ConflictEntry[];
}

/** Reads the quarantine and conflict tables (for `/metrics` and the page); `recent` latest entries of each (default 10; 0 for counts only). */
export async function dataQualityReport(db: DbClient, options: { recent?: number } = {}): Promise<DataQualityReport> {
  const recent = Math.max(0, Math.floor(options.recent ?? 10));
  const [quarantined, conflicts, recentQuarantined, recentConflicts] = await Promise.all([
    db.$queryRaw<QuarantineCount[]>`
      SELECT source, reason, count(*)::int AS count, max(last_seen_at) AS "lastSeenAt"
        FROM quarantined_values GROUP BY source, reason ORDER BY source, reason`,
    db.$queryRaw<ConflictCount[]>`
      SELECT source, kind, count(*)::int AS count, max(detected_at) AS "lastAt"
        FROM upstream_conflicts GROUP BY source, kind ORDER BY source, kind`,
    recent === 0
      ? Promise.resolve([] as QuarantinedEntry[])
      : db.$queryRaw<QuarantinedEntry[]>`
      SELECT source, reason, detail, game_key AS "gameKey", bookmaker, market, first_seen_at AS "firstSeenAt", seen_count AS "seenCount"
        FROM quarantined_values ORDER BY first_seen_at DESC, id DESC LIMIT ${recent}`,
    recent === 0
      ? Promise.resolve([] as ConflictEntry[])
      : db.$queryRaw<ConflictEntry[]>`
      SELECT source, kind, upstream_id AS "upstreamId", game_key AS "gameKey", resolution, detected_at AS "detectedAt"
        FROM upstream_conflicts ORDER BY detected_at DESC, id DESC LIMIT ${recent}`,
  ]);
  return { quarantined, conflicts, recentQuarantined, recentConflicts };
}
