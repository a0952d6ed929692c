import type { ClosingLine, GameRecord } from '@nba/games';
import type { LeagueGame } from './league-game';

/** A generated game as the feature code reads it (what ingestion stores and loads back): scores once final. */
export function gameRecordOf(g: LeagueGame): GameRecord {
  return {
    id: g.gameKey,
    season: g.season,
    date: g.date,
    home: g.homeCode,
    away: g.awayCode,
    gameType: g.gameType,
    neutral: false,
    ...(g.status === 'final' && g.homeScore !== null && g.awayScore !== null
      ? { homePts: g.homeScore, awayPts: g.awayScore }
      : {}),
  };
}

/** A generated game's closing line as the feature code reads it (absent fields left out), or undefined without a line. */
export function closingLineOf(g: LeagueGame): ClosingLine | undefined {
  if (!g.line) return undefined;
  const { homeMl, awayMl, spreadHome, total } = g.line;
  return {
    ...(homeMl !== null && awayMl !== null ? { homeMl, awayMl } : {}),
    ...(spreadHome !== null ? { spreadHome } : {}),
    ...(total !== null ? { total } : {}),
  };
}
