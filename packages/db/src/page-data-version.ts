import type { DbClient } from './client';

/**
 * A fingerprint of everything the forecast page shows (stored and settled forecasts, games and
 * their results, the registry's versions and audit trail): it changes whenever any of them does,
 * so a page rendered under one fingerprint can be served again until it changes. Counts catch
 * deletions and un-settlements; the maxima catch inserts, re-predictions (`predicted_at` is set on
 * every store), settlements, game updates (`updated_at`) and promotions. One scan of each table's
 * rows, no joins: a few milliseconds on 50,000 forecasts, so callers check it at most every few
 * seconds and share one check among concurrent requests.
 */
export async function pageDataVersion(db: DbClient): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT p.n AS predictions, p.settled, p.max_id AS prediction_id, p.predicted_at, p.settled_at,
           g.n AS games, g.updated_at AS games_updated_at,
           v.n AS versions, v.max_id AS version_id, v.changed_at AS versions_changed_at,
           (SELECT max(id) FROM model_events) AS event_id
      FROM (SELECT count(*) AS n, count(settled_at) AS settled, max(id) AS max_id, max(predicted_at) AS predicted_at, max(settled_at) AS settled_at
              FROM predictions) p,
           (SELECT count(*) AS n, max(updated_at) AS updated_at FROM games) g,
           (SELECT count(*) AS n, max(id) AS max_id, max(greatest(created_at, promoted_at, archived_at)) AS changed_at FROM model_versions) v`;
  const row = rows[0] ?? {};
  return Object.values(row)
    .map((v) => (v instanceof Date ? v.toISOString() : String(v)))
    .join('|');
}
