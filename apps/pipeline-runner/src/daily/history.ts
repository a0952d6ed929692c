import type { DbClient } from '@nba/db';
import type { ClosingLine, GameRecord } from '@nba/features';
import { closingLines, type GameClosingLines } from '@nba/ingestion';

/** Every game in the database as feature input, with closing lines by game key. */
export interface History {
  games: GameRecord[];
  lines: Map<string, ClosingLine>;
  /** Database ids by game key (for storing predictions). */
  ids: Map<string, number>;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Converts stored closing snapshots into the features' closing line. */
export function toClosingLine(l: GameClosingLines | undefined): ClosingLine | undefined {
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

/** Loads games (final ones with scores, the rest as scheduled) and their closing lines, in date order. */
export async function loadHistory(db: DbClient): Promise<History> {
  const rows = await db.game.findMany({
    where: { status: { in: ['final', 'scheduled', 'live'] } },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    select: { id: true, gameKey: true, season: true, date: true, homeCode: true, awayCode: true, status: true, homeScore: true, awayScore: true, gameType: true, neutralSite: true },
  });
  const games: GameRecord[] = [];
  const ids = new Map<string, number>();
  for (const r of rows) {
    const final = r.status === 'final' && r.homeScore != null && r.awayScore != null;
    games.push({
      id: r.gameKey,
      season: r.season,
      date: iso(r.date),
      home: r.homeCode,
      away: r.awayCode,
      gameType: r.gameType,
      neutral: r.neutralSite,
      ...(final ? { homePts: r.homeScore!, awayPts: r.awayScore! } : {}),
    });
    ids.set(r.gameKey, r.id);
  }
  const closing = await closingLines(db, rows.map((r) => r.id));
  const lines = new Map<string, ClosingLine>();
  for (const r of rows) {
    const line = toClosingLine(closing.get(r.id));
    if (line) lines.set(r.gameKey, line);
  }
  return { games, lines, ids };
}
