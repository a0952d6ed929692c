import type { DbClient } from '@nba/db';
import { describeIssues, type Rejection } from '../rejection';
import { snapshotRecordSchema, type SnapshotRecord } from './records';
import { logRejections } from './log-rejections';
import type { UpsertOptions, UpsertSummary } from './upsert-games';
import { screenSnapshots } from '../plausibility/screen-snapshots';
import { quarantineValues } from '../plausibility/quarantine-store';

const identity = (s: SnapshotRecord) => `${s.gameKey}|${s.bookmaker}|${s.market}|${s.capturedAt.getTime()}`;

/**
 * Idempotent upsert of odds snapshots, keyed by (game, bookmaker, market, capture time): history
 * is kept, an identical snapshot changes nothing, a corrected one is updated. A snapshot whose
 * game is not in the database is rejected with the reason; one that fails a plausibility or
 * consistency check (src/plausibility) is quarantined instead of written, so the last good line
 * stays the one in use.
 */
export async function upsertOddsSnapshots(
  db: DbClient,
  records: readonly SnapshotRecord[],
  options: UpsertOptions,
): Promise<UpsertSummary> {
  const rejections: Rejection[] = [];
  const unique = new Map<string, SnapshotRecord>();
  for (const [i, raw] of records.entries()) {
    const parsed = snapshotRecordSchema.safeParse(raw);
    if (parsed.success) unique.set(identity(parsed.data), parsed.data);
    else
      rejections.push({
        record: `snapshot #${i} ${String((raw as Partial<SnapshotRecord>)?.gameKey ?? '?')}`,
        reason: describeIssues(parsed.error.issues),
      });
  }
  const valid = [...unique.values()];
  const keys = [...new Set(valid.map((s) => s.gameKey))];
  const found = await db.$queryRawUnsafe<{ game_key: string }[]>(
    `SELECT game_key FROM games WHERE game_key = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`,
    JSON.stringify(keys),
  );
  const known = new Set(found.map((f) => f.game_key));
  const screened = await screenSnapshots(
    db,
    valid.filter((s) => {
      if (known.has(s.gameKey)) return true;
      rejections.push({
        record: `${s.source} ${s.bookmaker} ${s.market} ${s.gameKey}`,
        reason: `no game ${s.gameKey} in the database`,
      });
      return false;
    }),
  );
  const writable = screened.usable;
  const quarantined = screened.quarantined.length;
  await quarantineValues(db, screened.quarantined, options.logger);
  let inserted = 0;
  let updated = 0;
  const chunk = options.chunkSize ?? 5000;
  for (let i = 0; i < writable.length; i += chunk) {
    const rows = writable.slice(i, i + chunk).map((s) => ({
      game_key: s.gameKey,
      bookmaker: s.bookmaker,
      market: s.market,
      captured_at: s.capturedAt.toISOString(),
      home_price: s.homePrice ?? null,
      away_price: s.awayPrice ?? null,
      home_point: s.homePoint ?? null,
      total_point: s.totalPoint ?? null,
      over_price: s.overPrice ?? null,
      under_price: s.underPrice ?? null,
      source: s.source,
      is_demo: options.isDemo ?? false,
    }));
    const written = await db.$queryRawUnsafe<{ inserted: boolean }[]>(
      `INSERT INTO odds_snapshots AS o (game_id, bookmaker, market, captured_at, home_price, away_price, home_point,
         total_point, over_price, under_price, source, is_demo)
       SELECT g.id, r.bookmaker, r.market::"OddsMarket", r.captured_at, r.home_price, r.away_price, r.home_point,
         r.total_point, r.over_price, r.under_price, r.source, r.is_demo
       FROM jsonb_to_recordset($1::jsonb) AS r(game_key text, bookmaker text, market text, captured_at timestamptz,
         home_price int, away_price int, home_point float8, total_point float8, over_price int, under_price int,
         source text, is_demo boolean)
       JOIN games g ON g.game_key = r.game_key
       ON CONFLICT (game_id, bookmaker, market, captured_at) DO UPDATE SET
         home_price = EXCLUDED.home_price, away_price = EXCLUDED.away_price, home_point = EXCLUDED.home_point,
         total_point = EXCLUDED.total_point, over_price = EXCLUDED.over_price, under_price = EXCLUDED.under_price,
         is_demo = EXCLUDED.is_demo
       WHERE (o.home_price, o.away_price, o.home_point, o.total_point, o.over_price, o.under_price, o.is_demo)
         IS DISTINCT FROM (EXCLUDED.home_price, EXCLUDED.away_price, EXCLUDED.home_point, EXCLUDED.total_point,
         EXCLUDED.over_price, EXCLUDED.under_price, EXCLUDED.is_demo)
       RETURNING (xmax = 0) AS inserted`,
      JSON.stringify(rows),
    );
    for (const w of written)
      if (w.inserted) inserted++;
      else updated++;
  }
  logRejections(options.logger, 'odds snapshot', rejections);
  const unchanged = Math.max(0, records.length - rejections.length - quarantined - inserted - updated);
  return { inserted, updated, unchanged, rejected: rejections.length, rejections, quarantined, conflicts: 0 };
}
