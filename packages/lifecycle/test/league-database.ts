import type { DbClient } from '@nba/db';
import { required } from '@nba/errors';
import type { demoLeague } from '../src';

type LeagueGame = ReturnType<typeof demoLeague>['games'][number];
type Line = NonNullable<LeagueGame['line']>;

/**
 * Stores `games` (a generated league) and their closing lines as ingestion would: games with their
 * scores so far, each line as h2h, spreads and totals snapshots an hour before tip-off. `lineOf`
 * replaces a game's line (e.g. an absurd one written around ingestion's checks).
 */
export async function storeLeague(
  db: DbClient,
  games: readonly LeagueGame[],
  lineOf: (g: LeagueGame) => Line | null = (g) => g.line,
): Promise<void> {
  const ids = new Map<string, number>();
  for (let i = 0; i < games.length; i += 1000) {
    const rows = await db.game.createManyAndReturn({
      data: games.slice(i, i + 1000).map((g) => ({
        gameKey: g.gameKey,
        season: g.season,
        date: new Date(`${g.date}T00:00:00Z`),
        tipoff: g.tipoff,
        homeCode: g.homeCode,
        awayCode: g.awayCode,
        status: g.status,
        homeScore: g.homeScore,
        awayScore: g.awayScore,
        gameType: g.gameType,
        source: 'test',
        isDemo: true,
      })),
      select: { id: true, gameKey: true },
    });
    for (const r of rows) ids.set(r.gameKey, r.id);
  }
  const snapshots = games.flatMap((g) => {
    const l = lineOf(g);
    if (!l || l.homeMl === null || l.awayMl === null || l.spreadHome === null || l.total === null) return [];
    const common = {
      gameId: required(ids.get(g.gameKey), `the id of ${g.gameKey}`),
      bookmaker: 'book',
      capturedAt: new Date(g.tipoff.getTime() - 3_600_000),
      source: 'test',
      isDemo: true,
    };
    return [
      { ...common, market: 'h2h' as const, homePrice: l.homeMl, awayPrice: l.awayMl },
      { ...common, market: 'spreads' as const, homePoint: l.spreadHome, homePrice: -110, awayPrice: -110 },
      { ...common, market: 'totals' as const, totalPoint: l.total, overPrice: -110, underPrice: -110 },
    ];
  });
  for (let i = 0; i < snapshots.length; i += 5000)
    await db.oddsSnapshot.createMany({ data: snapshots.slice(i, i + 5000) });
}
