import type { DbClient } from '@nba/db';
import type { SnapshotRecord } from '../store/records';
import type { QuarantineItem } from './findings';
import { checkMoneylineAgainstSpread, checkMove, type LineValues } from './line-checks';
import { checkSnapshotValues } from './value-checks';

interface StoredLine extends LineValues {
  gameKey: string;
  bookmaker: string;
  market: string;
}

const lineKey = (gameKey: string, bookmaker: string, market: string) => `${gameKey}|${bookmaker}|${market}`;

/** The stored (usable) lines of these games, by game, bookmaker and market. */
async function storedLines(db: DbClient, gameKeys: string[]): Promise<Map<string, LineValues[]>> {
  const rows = await db.$queryRawUnsafe<StoredLine[]>(
    `SELECT g.game_key AS "gameKey", o.bookmaker, o.market::text AS market, o.captured_at AS "capturedAt",
       o.home_price AS "homePrice", o.away_price AS "awayPrice", o.home_point AS "homePoint", o.total_point AS "totalPoint"
     FROM odds_snapshots o JOIN games g ON g.id = o.game_id
     WHERE g.game_key = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`,
    JSON.stringify(gameKeys),
  );
  const out = new Map<string, LineValues[]>();
  for (const r of rows) {
    const k = lineKey(r.gameKey, r.bookmaker, r.market);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

/** The latest line strictly before `at` (a re-sent snapshot is compared with the one before it). */
function before(lines: readonly LineValues[] | undefined, at: Date): LineValues | undefined {
  let best: LineValues | undefined;
  for (const l of lines ?? []) if (l.capturedAt < at && (!best || l.capturedAt > best.capturedAt)) best = l;
  return best;
}

/** The line captured nearest to `at`. */
function nearest(lines: readonly LineValues[] | undefined, at: Date): LineValues | undefined {
  let best: LineValues | undefined;
  const d = (l: LineValues) => Math.abs(l.capturedAt.getTime() - at.getTime());
  for (const l of lines ?? []) if (!best || d(l) < d(best)) best = l;
  return best;
}

export function quarantineOfSnapshot(
  s: SnapshotRecord,
  f: { reason: QuarantineItem['reason']; detail: string },
): QuarantineItem {
  return {
    ...f,
    source: s.source,
    entity: 'odds',
    gameKey: s.gameKey,
    bookmaker: s.bookmaker,
    market: s.market,
    capturedAt: s.capturedAt,
    raw: s,
  };
}

// Spreads first: a moneyline is checked against the spreads that passed.
const MARKET_ORDER: Record<SnapshotRecord['market'], number> = { spreads: 0, totals: 1, h2h: 2 };

/**
 * Splits snapshots into usable ones and ones to quarantine: values outside what bookmakers have
 * quoted, a moneyline contradicting the same bookmaker's spread, a line that moved implausibly
 * since the previous snapshot of its game, bookmaker and market (stored, or earlier in the batch).
 */
export async function screenSnapshots(
  db: DbClient,
  snapshots: readonly SnapshotRecord[],
): Promise<{ usable: SnapshotRecord[]; quarantined: QuarantineItem[] }> {
  const quarantined: QuarantineItem[] = [];
  const inRange: SnapshotRecord[] = [];
  for (const s of snapshots) {
    const f = checkSnapshotValues(s);
    if (f) quarantined.push(quarantineOfSnapshot(s, f));
    else inRange.push(s);
  }
  if (inRange.length === 0) return { usable: [], quarantined };
  const lines = await storedLines(db, [...new Set(inRange.map((s) => s.gameKey))]);
  const ordered = [...inRange].sort(
    (a, b) => MARKET_ORDER[a.market] - MARKET_ORDER[b.market] || a.capturedAt.getTime() - b.capturedAt.getTime(),
  );
  const usable: SnapshotRecord[] = [];
  for (const s of ordered) {
    const k = lineKey(s.gameKey, s.bookmaker, s.market);
    const prev = before(lines.get(k), s.capturedAt);
    const spread =
      s.market === 'h2h' ? nearest(lines.get(lineKey(s.gameKey, s.bookmaker, 'spreads')), s.capturedAt) : undefined;
    const f = (spread && checkMoneylineAgainstSpread(s, spread)) || (prev && checkMove(s.market, prev, s));
    if (f) {
      quarantined.push(quarantineOfSnapshot(s, f));
      continue;
    }
    usable.push(s);
    // An accepted snapshot is the reference for the next one (a stored one at the same time is replaced by it).
    const list = (lines.get(k) ?? []).filter((l) => l.capturedAt.getTime() !== s.capturedAt.getTime());
    list.push(s);
    lines.set(k, list);
  }
  return { usable, quarantined };
}
