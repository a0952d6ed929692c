import { gameKeyOf } from '@nba/games';
import type { GameRecord } from '../store/records';
import type { ConflictItem, QuarantineItem } from './findings';
import { checkGameValues } from './value-checks';
import { required } from '@nba/errors';

/** The id an upstream gives a game (the game key where it gives none, as in CSV files). */
export function upstreamIdOf(r: GameRecord): string {
  if (r.apiBasketballId != null) return `api-basketball:${r.apiBasketballId}`;
  if (r.oddsApiId != null) return `the-odds-api:${r.oddsApiId}`;
  return gameKeyOf(r.date, r.awayCode, r.homeCode);
}

/** A record as JSON-ready content (the version kept in a conflict or quarantine row). */
export const contentOf = (r: GameRecord): Record<string, unknown> =>
  JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
const sameContent = (a: GameRecord, b: GameRecord) => JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));

/**
 * Splits one response's game records into usable ones, implausible ones (quarantined) and
 * conflicting ones: the same upstream id twice with different content. Neither version of a
 * conflict is used (the stored game, if any, stays as it was); both are recorded. Identical
 * repeats are kept once.
 */
export function screenGames(records: readonly GameRecord[]): {
  usable: GameRecord[];
  quarantined: QuarantineItem[];
  conflicts: ConflictItem[];
} {
  const quarantined: QuarantineItem[] = [];
  const byId = new Map<string, GameRecord[]>();
  for (const r of records) {
    const f = checkGameValues(r);
    const key = gameKeyOf(r.date, r.awayCode, r.homeCode);
    if (f) {
      quarantined.push({
        ...f,
        source: r.source,
        entity: 'game',
        gameKey: key,
        upstreamId: upstreamIdOf(r),
        raw: contentOf(r),
      });
      continue;
    }
    const id = upstreamIdOf(r);
    byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  const conflicts: ConflictItem[] = [];
  const conflicting = new Set<string>();
  for (const [id, group] of byId) {
    const first = required(group[0], `the first record of ${id}`);
    const others = group.filter((r) => !sameContent(r, first));
    if (others.length === 0) continue;
    conflicting.add(id);
    for (const other of others) {
      conflicts.push({
        source: first.source,
        kind: 'duplicate_in_response',
        upstreamId: id,
        gameKey: gameKeyOf(first.date, first.awayCode, first.homeCode),
        first: contentOf(first),
        second: contentOf(other),
        resolution: `${group.length} versions of ${id} in one response: none used, the stored game (if any) kept`,
      });
    }
  }
  // In the response's order: records of one batch apply in order.
  const usable = [...byId.entries()].filter(([id]) => !conflicting.has(id)).flatMap(([, group]) => group);
  const order = new Map(records.map((r, i) => [r, i]));
  usable.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)); // every usable record is one of `records`
  return { usable, quarantined, conflicts };
}
