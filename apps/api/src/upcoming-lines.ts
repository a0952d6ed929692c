import type { DbClient } from '@nba/db';
import type { ClosingLine } from '@nba/features';
import { isoDay } from './clock';

/** The latest stored line of a game not yet in the feature state. */
export interface UpcomingLine {
  gameId: number;
  line: ClosingLine;
}

/** Key of an upcoming game: `date|home|away`. */
export function lineKey(date: string, home: string, away: string): string {
  return `${date}|${home}|${away}`;
}

/**
 * Lines of the games after `asOf` (all games when null): per market, the most recent snapshot
 * captured before tip-off, whichever bookmaker it came from.
 */
export async function latestLines(db: DbClient, asOf: string | null): Promise<Map<string, UpcomingLine>> {
  const games = await db.game.findMany({
    where: asOf ? { date: { gt: new Date(`${asOf}T00:00:00Z`) } } : {},
    select: {
      id: true,
      date: true,
      homeCode: true,
      awayCode: true,
      tipoff: true,
      odds: { orderBy: { capturedAt: 'desc' }, select: { market: true, capturedAt: true, homePrice: true, awayPrice: true, homePoint: true, totalPoint: true } },
    },
  });
  const out = new Map<string, UpcomingLine>();
  for (const g of games) {
    const line: ClosingLine = {};
    const seen = new Set<string>();
    for (const o of g.odds) {
      if (seen.has(o.market) || (g.tipoff && o.capturedAt > g.tipoff)) continue;
      seen.add(o.market);
      if (o.market === 'h2h' && o.homePrice !== null && o.awayPrice !== null) {
        line.homeMl = o.homePrice;
        line.awayMl = o.awayPrice;
      } else if (o.market === 'spreads' && o.homePoint !== null) {
        line.spreadHome = o.homePoint;
      } else if (o.market === 'totals' && o.totalPoint !== null) {
        line.total = o.totalPoint;
      }
    }
    if (seen.size > 0) out.set(lineKey(isoDay(g.date), g.homeCode, g.awayCode), { gameId: g.id, line });
  }
  return out;
}
