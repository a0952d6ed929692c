import { seasonOfDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { Logger } from '@nba/logging';
import { gameKeyOf } from '@nba/games';
import { describeIssues, type Rejection } from '../rejection';
import { gameRecordSchema, type GameRecord } from './records';
import { COMPARED_FIELDS, findGameRows, insertGameRows, updateGameRows, type GameRow } from './game-row';
import { logRejections } from './log-rejections';
import { screenGames, contentOf, upstreamIdOf } from '../plausibility/screen-games';
import { quarantineValues, recordConflicts } from '../plausibility/quarantine-store';
import type { ConflictItem } from '../plausibility/findings';
import { required } from '@nba/errors';

export interface UpsertOptions {
  logger: Logger;
  /** Marks written rows as demo data (generated league). Default false. */
  isDemo?: boolean;
  /** Rows per statement (default 5000). */
  chunkSize?: number;
}

export interface UpsertSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Why each rejected record was left out. */
  rejections: Rejection[];
  /** Records that failed a plausibility check: kept in `quarantined_values`, not written. */
  quarantined: number;
  /** Conflicting versions of one upstream record recorded in `upstream_conflicts` (this call). */
  conflicts: number;
}

/** Index of the rows of one batch by each identity a record can match on. */
class RowIndex {
  private readonly byKey = new Map<string, GameRow>();
  private readonly byApi = new Map<number, GameRow>();
  private readonly byOdds = new Map<string, GameRow>();

  add(row: GameRow): void {
    this.byKey.set(row.gameKey, row);
    if (row.apiBasketballId != null) this.byApi.set(row.apiBasketballId, row);
    if (row.oddsApiId != null) this.byOdds.set(row.oddsApiId, row);
  }

  remove(row: GameRow): void {
    if (this.byKey.get(row.gameKey) === row) this.byKey.delete(row.gameKey);
    if (row.apiBasketballId != null && this.byApi.get(row.apiBasketballId) === row)
      this.byApi.delete(row.apiBasketballId);
    if (row.oddsApiId != null && this.byOdds.get(row.oddsApiId) === row) this.byOdds.delete(row.oddsApiId);
  }

  /** The same game: same upstream id, else same date and teams. */
  match(r: GameRecord, key: string): { row?: GameRow; conflict?: GameRow } {
    const row =
      (r.apiBasketballId != null ? this.byApi.get(r.apiBasketballId) : undefined) ??
      (r.oddsApiId != null ? this.byOdds.get(r.oddsApiId) : undefined) ??
      this.byKey.get(key);
    const holder = this.byKey.get(key);
    return { ...(row ? { row } : {}), ...(row && holder && holder !== row ? { conflict: holder } : {}) };
  }
}

function merge(base: GameRow | undefined, r: GameRecord, key: string, isDemo: boolean): GameRow {
  const pick = <K extends keyof GameRecord>(k: K, fallback: GameRow[keyof GameRow]) =>
    r[k] === undefined ? fallback : r[k];
  return {
    ...(base?.id !== undefined ? { id: base.id } : {}),
    gameKey: key,
    date: r.date,
    homeCode: r.homeCode,
    awayCode: r.awayCode,
    season: r.season ?? base?.season ?? seasonOfDate(r.date),
    apiBasketballId: r.apiBasketballId ?? base?.apiBasketballId ?? null,
    oddsApiId: r.oddsApiId ?? base?.oddsApiId ?? null,
    tipoff: r.tipoff === undefined ? (base?.tipoff ?? null) : r.tipoff === null ? null : r.tipoff.toISOString(),
    status: pick('status', base?.status ?? 'scheduled') as string,
    homeScore: pick('homeScore', base?.homeScore ?? null) as number | null,
    awayScore: pick('awayScore', base?.awayScore ?? null) as number | null,
    gameType: pick('gameType', base?.gameType ?? 'regular') as string,
    neutralSite: pick('neutralSite', base?.neutralSite ?? null) as boolean | null,
    source: base?.source ?? r.source,
    isDemo,
  };
}

const same = (a: GameRow, b: GameRow) => COMPARED_FIELDS.every((f) => a[f] === b[f]);
/** What a final game's record must not change: another value here is an upstream correction or a conflict. */
const FINAL_FIELDS = ['date', 'homeCode', 'awayCode', 'status', 'homeScore', 'awayScore'] as const;
const finalOf = (row: GameRow) => Object.fromEntries(FINAL_FIELDS.map((f) => [f, row[f]]));

/**
 * Idempotent upsert of games. A record is the same game as a row with the same API-Basketball or
 * Odds API id, else the same date and teams (so a new upstream id attaches to the existing game).
 * Invalid records are rejected with a reason and logged; the rest of the batch is written.
 */
export async function upsertGames(
  db: DbClient,
  records: readonly GameRecord[],
  options: UpsertOptions,
): Promise<UpsertSummary> {
  const isDemo = options.isDemo ?? false;
  const rejections: Rejection[] = [];
  const parsedRecords: GameRecord[] = [];
  for (const [i, raw] of records.entries()) {
    const parsed = gameRecordSchema.safeParse(raw);
    if (!parsed.success) {
      rejections.push({ record: describeRecord(raw, i), reason: describeIssues(parsed.error.issues) });
      continue;
    }
    parsedRecords.push(parsed.data);
  }
  // Implausible values and conflicting duplicates never reach the table: the stored game stays in use.
  const screened = screenGames(parsedRecords);
  const valid = screened.usable.map((r) => ({ r, key: gameKeyOf(r.date, r.awayCode, r.homeCode) }));
  const conflicts: ConflictItem[] = [...screened.conflicts];
  const corrected = new Map<number, { before: GameRow; r: GameRecord }>();

  const existing = await findGameRows(
    db,
    valid.map((v) => v.key),
    valid.flatMap((v) => (v.r.apiBasketballId != null ? [v.r.apiBasketballId] : [])),
    valid.flatMap((v) => (v.r.oddsApiId != null ? [v.r.oddsApiId] : [])),
  );
  const index = new RowIndex();
  const original = new Map<number, GameRow>();
  for (const row of existing) {
    index.add(row);
    original.set(required(row.id, `the id of stored game ${row.gameKey}`), row);
  }

  // Records apply in order onto an in-memory copy, so duplicates within a batch merge.
  const inserts = new Map<string, GameRow>();
  const updates = new Map<number, GameRow>();
  for (const { r, key } of valid) {
    const { row, conflict } = index.match(r, key);
    if (conflict) {
      rejections.push({
        record: `${r.source} game ${key}`,
        reason: `matches game ${row?.gameKey ?? '?'} by upstream id but ${key} is another game`,
      });
      continue;
    }
    const next = merge(row, r, key, isDemo);
    const before = next.id !== undefined ? original.get(next.id) : undefined;
    if (
      next.id !== undefined &&
      before?.status === 'final' &&
      JSON.stringify(finalOf(before)) !== JSON.stringify(finalOf(next))
    )
      corrected.set(next.id, { before, r });
    if (row) index.remove(row);
    index.add(next);
    if (next.id !== undefined) updates.set(next.id, next);
    else {
      if (row) inserts.delete(row.gameKey);
      inserts.set(key, next);
    }
  }
  // updates hold stored games only (they have an id, and their original)
  const changed = [...updates.values()].filter((row) => {
    const was = row.id === undefined ? undefined : original.get(row.id);
    return was === undefined || !same(row, was);
  });
  const chunk = options.chunkSize ?? 5000;
  let inserted = 0;
  let updated = 0;
  const newRows = [...inserts.values()];
  for (let i = 0; i < newRows.length; i += chunk) inserted += await insertGameRows(db, newRows.slice(i, i + chunk));
  for (let i = 0; i < changed.length; i += chunk) updated += await updateGameRows(db, changed.slice(i, i + chunk));
  // A final game that changed since it was stored: the newer version is kept and both are recorded.
  // Its settled forecasts are settled again by the next settlement (the lifecycle's record), which
  // re-scores any settled forecast whose outcome no longer matches its game.
  const settled = await settledForecastCounts(db, [...corrected.keys()]);
  for (const [id, { before, r }] of corrected) {
    const n = settled.get(id) ?? 0;
    const score = r.homeScore != null && r.awayScore != null ? ` (${r.homeScore}-${r.awayScore})` : '';
    conflicts.push({
      source: r.source,
      kind: n > 0 ? 'score_changed_after_settlement' : 'changed_across_runs',
      upstreamId: upstreamIdOf(r),
      gameKey: before.gameKey,
      first: finalOf(before),
      second: contentOf(r),
      resolution: `the newer version is stored${n > 0 ? `; ${n} settled forecast${n === 1 ? '' : 's'} re-settled against it${score} by the next settlement` : ''}`,
    });
  }
  const quarantined = screened.quarantined.length;
  await quarantineValues(db, screened.quarantined, options.logger);
  await recordConflicts(db, conflicts, options.logger);
  logRejections(options.logger, 'game', rejections);
  // Duplicates of one game within a batch count once as written, the rest as unchanged.
  const withheld = parsedRecords.length - screened.usable.length;
  const unchanged = Math.max(0, records.length - rejections.length - withheld - inserted - updated);
  return {
    inserted,
    updated,
    unchanged,
    rejected: rejections.length,
    rejections,
    quarantined,
    conflicts: conflicts.length,
  };
}

/** How many settled forecasts each game has (read only: settling is the lifecycle's). */
async function settledForecastCounts(db: DbClient, gameIds: number[]): Promise<Map<number, number>> {
  if (gameIds.length === 0) return new Map();
  const rows = await db.prediction.groupBy({
    by: ['gameId'],
    where: { gameId: { in: gameIds }, settledAt: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.gameId, r._count._all]));
}

function describeRecord(raw: unknown, i: number): string {
  const r = raw as Partial<GameRecord> | null;
  return r && typeof r === 'object'
    ? `${r.source ?? '?'} game ${r.date ?? '?'} ${r.awayCode ?? '?'}@${r.homeCode ?? '?'}`
    : `game #${i}`;
}
