import { createHash } from 'node:crypto';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import type { ConflictItem, QuarantineItem } from './findings';
import { required } from '@nba/errors';

const fingerprint = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * Keeps values that failed a check in `quarantined_values`. Idempotent: the same value from the
 * same source for the same reason is one row (seen again: `last_seen_at` and `seen_count` move),
 * and only a value seen for the first time is logged, so a retried or re-run response logs nothing
 * new. Returns how many values were new.
 */
export async function quarantineValues(
  db: DbClient,
  items: readonly QuarantineItem[],
  logger: Logger,
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = new Map<string, Record<string, unknown>>();
  for (const q of items) {
    const fp = fingerprint([q.source, q.reason, q.entity, q.raw]);
    rows.set(fp, {
      fingerprint: fp,
      source: q.source,
      reason: q.reason,
      detail: q.detail,
      entity: q.entity,
      game_key: q.gameKey ?? null,
      upstream_id: q.upstreamId ?? null,
      bookmaker: q.bookmaker ?? null,
      market: q.market ?? null,
      captured_at: q.capturedAt?.toISOString() ?? null,
      raw: q.raw,
    });
  }
  const written = await db.$queryRawUnsafe<{ fingerprint: string; inserted: boolean }[]>(
    `INSERT INTO quarantined_values AS q (fingerprint, source, reason, detail, entity, game_key, upstream_id, bookmaker, market, captured_at, raw)
     SELECT r.fingerprint, r.source, r.reason, r.detail, r.entity, r.game_key, r.upstream_id, r.bookmaker, r.market, r.captured_at, r.raw
     FROM jsonb_to_recordset($1::jsonb) AS r(fingerprint text, source text, reason text, detail text, entity text, game_key text,
       upstream_id text, bookmaker text, market text, captured_at timestamptz, raw jsonb)
     ON CONFLICT (fingerprint) DO UPDATE SET last_seen_at = now(), seen_count = q.seen_count + 1
     RETURNING q.fingerprint, (xmax = 0) AS inserted`,
    JSON.stringify([...rows.values()]),
  );
  let fresh = 0;
  for (const w of written) {
    if (!w.inserted) continue;
    fresh++;
    const r = required(rows.get(w.fingerprint), `the quarantined row ${w.fingerprint}`);
    logger.warn('upstream value quarantined', {
      source: r.source,
      reason: r.reason,
      detail: r.detail,
      gameKey: r.game_key ?? undefined,
      upstreamId: r.upstream_id ?? undefined,
      bookmaker: r.bookmaker ?? undefined,
      market: r.market ?? undefined,
    });
  }
  return fresh;
}

/** Records conflicting upstream records (both versions) in `upstream_conflicts`; idempotent and logged once, like quarantined values. */
export async function recordConflicts(db: DbClient, items: readonly ConflictItem[], logger: Logger): Promise<number> {
  if (items.length === 0) return 0;
  const rows = new Map<string, Record<string, unknown>>();
  for (const c of items) {
    const fp = fingerprint([c.source, c.kind, c.upstreamId, c.first, c.second]);
    rows.set(fp, {
      fingerprint: fp,
      source: c.source,
      kind: c.kind,
      upstream_id: c.upstreamId,
      game_key: c.gameKey ?? null,
      first: c.first,
      second: c.second,
      resolution: c.resolution,
    });
  }
  const written = await db.$queryRawUnsafe<{ fingerprint: string }[]>(
    `INSERT INTO upstream_conflicts (fingerprint, source, kind, upstream_id, game_key, first, second, resolution)
     SELECT r.fingerprint, r.source, r.kind, r.upstream_id, r.game_key, r.first, r.second, r.resolution
     FROM jsonb_to_recordset($1::jsonb) AS r(fingerprint text, source text, kind text, upstream_id text, game_key text,
       first jsonb, second jsonb, resolution text)
     ON CONFLICT (fingerprint) DO NOTHING
     RETURNING fingerprint`,
    JSON.stringify([...rows.values()]),
  );
  for (const w of written) {
    const r = required(rows.get(w.fingerprint), `the conflict row ${w.fingerprint}`);
    logger.warn('upstream conflict recorded', {
      source: r.source,
      kind: r.kind,
      upstreamId: r.upstream_id,
      gameKey: r.game_key ?? undefined,
      resolution: r.resolution,
    });
  }
  return written.length;
}
