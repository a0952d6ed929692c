import type { DbClient, GameStatus } from '@nba/db';
import type { ClosingLine, GameRecord } from '@nba/games';
import { closingLines, type GameClosingLines } from './closing-lines';

/** Stored games as feature input (@nba/features), in date order, with what the features need of them. */
export interface FeatureInputs {
  /** Scores only for final games. */
  games: GameRecord[];
  /** Closing lines by game key (`GameRecord.id`): per market, the last snapshot before tip-off. */
  lines: Map<string, ClosingLine>;
  /** Database ids by game key (for storing predictions). */
  ids: Map<string, number>;
}

/** Which stored games {@link loadFeatureInputs} reads; dates are `YYYY-MM-DD`, bounds exclusive. */
export interface FeatureInputQuery {
  /** Only games after this date (null or absent: from the first). */
  after?: string | null;
  /** Only games before this date. */
  before?: string;
  /** Game statuses read (default: final, scheduled and live; postponed and cancelled games are left out). */
  statuses?: readonly GameStatus[];
  /** Read closing lines too (default true). */
  withLines?: boolean;
}

const HISTORY_STATUSES: readonly GameStatus[] = ['final', 'scheduled', 'live'];

const GAME_SELECT = {
  id: true,
  gameKey: true,
  season: true,
  date: true,
  homeCode: true,
  awayCode: true,
  status: true,
  homeScore: true,
  awayScore: true,
  gameType: true,
  neutralSite: true,
} as const;

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** Converts a game's stored closing snapshots into the features' closing line (undefined when it has none). */
function featureLineOf(l: GameClosingLines | undefined): ClosingLine | undefined {
  if (!l) return undefined;
  const line: ClosingLine = {};
  if (l.h2h?.homePrice != null && l.h2h.awayPrice != null) {
    line.homeMl = l.h2h.homePrice;
    line.awayMl = l.h2h.awayPrice;
  }
  if (l.spreads?.homePoint != null) line.spreadHome = l.spreads.homePoint;
  if (l.totals?.totalPoint != null) line.total = l.totals.totalPoint;
  return Object.keys(line).length ? line : undefined;
}

/**
 * The one mapping of stored games and odds to feature input: games in date order (then game key,
 * the order the feature state consumes them), final ones with their scores, and with `withLines`
 * each game's closing line (see `closingLines`). Used for training, backtests and daily forecasts
 * (every game) and for the API's feature state (final games of a date range, then the lines of the
 * games after it).
 */
export async function loadFeatureInputs(db: DbClient, query: FeatureInputQuery = {}): Promise<FeatureInputs> {
  const date = { ...(query.after ? { gt: day(query.after) } : {}), ...(query.before ? { lt: day(query.before) } : {}) };
  const rows = await db.game.findMany({
    where: {
      status: { in: [...(query.statuses ?? HISTORY_STATUSES)] },
      ...(query.after || query.before ? { date } : {}),
    },
    orderBy: [{ date: 'asc' }, { gameKey: 'asc' }],
    select: GAME_SELECT,
  });
  const games: GameRecord[] = [];
  const ids = new Map<string, number>();
  for (const r of rows) {
    const final = r.status === 'final' && r.homeScore !== null && r.awayScore !== null;
    games.push({
      id: r.gameKey,
      season: r.season,
      date: r.date.toISOString().slice(0, 10),
      home: r.homeCode,
      away: r.awayCode,
      gameType: r.gameType,
      neutral: r.neutralSite,
      ...(final && r.homeScore !== null && r.awayScore !== null ? { homePts: r.homeScore, awayPts: r.awayScore } : {}),
    });
    ids.set(r.gameKey, r.id);
  }
  const lines = new Map<string, ClosingLine>();
  if (query.withLines ?? true) {
    const closing = await closingLines(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const line = featureLineOf(closing.get(r.id));
      if (line) lines.set(r.gameKey, line);
    }
  }
  return { games, lines, ids };
}

/**
 * Number and latest update time of the final games on or before `upTo`: a cheap check of whether
 * the results feature input was built from have changed (a corrected score, a backfill).
 */
export async function finalGamesFingerprint(db: DbClient, upTo: string): Promise<{ count: number; updatedAt: number }> {
  const agg = await db.game.aggregate({
    where: { status: 'final', date: { lte: day(upTo) } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return { count: agg._count._all, updatedAt: agg._max.updatedAt?.getTime() ?? 0 };
}
