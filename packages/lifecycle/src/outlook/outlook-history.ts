import type { ClosingLine, GameRecord } from '@nba/games';
import type { LinedGame } from '@nba/season';

/**
 * Earlier seasons the rating model reads besides the current one. Its weights decay with a
 * 90-day scale and earlier seasons count x0.1 (DEFAULT_RATING_PARAMS), so games more than two
 * seasons back weigh nothing measurable; reading them would only cost time.
 */
export const OUTLOOK_EARLIER_SEASONS = 2;

/**
 * The games an outlook for `season` on the morning of `date` may read, as the rating model takes
 * them: this season's and the {@link OUTLOOK_EARLIER_SEASONS} before, in date order, each with its
 * closing spread. What the morning could not know is removed here, not left to the callers: games
 * on or after `date` keep only their schedule (teams, date, type, site), without score or line.
 */
export function outlookHistory(
  games: readonly GameRecord[],
  lines: ReadonlyMap<string, ClosingLine>,
  season: number,
  date: string,
): LinedGame[] {
  const out: LinedGame[] = [];
  for (const g of games) {
    if (g.season > season || g.season < season - OUTLOOK_EARLIER_SEASONS) continue;
    const base = {
      season: g.season,
      date: g.date,
      home: g.home,
      away: g.away,
      gameType: g.gameType,
      neutral: g.neutral ?? null,
    };
    if (g.date >= date) {
      out.push(base);
      continue;
    }
    const spread = lines.get(g.id)?.spreadHome;
    out.push({
      ...base,
      ...(g.homePts !== undefined && g.awayPts !== undefined ? { homePts: g.homePts, awayPts: g.awayPts } : {}),
      ...(spread !== undefined ? { spreadHome: spread } : {}),
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
