import { backToBacks, type LinedGame, type RatingFit } from './rating-model';
import type { FutureGame, PlayedGame, PostseasonGame, SeasonState } from './simulation-input';

/**
 * The simulator's input on the morning of `asOf`: the season's games before it as played (play-in
 * and playoff games too, during the postseason), and every later regular-season one priced from the ratings (home court unless neutral, a back-to-back
 * from the schedule, which is known in advance). `games` holds the season's games in date order.
 */
export function outlookState(season: number, games: readonly LinedGame[], asOf: string, fit: RatingFit): SeasonState {
  const regular = games.filter((g) => g.season === season && g.gameType === 'regular');
  const rest = backToBacks(regular);
  const played: PlayedGame[] = [];
  const remaining: FutureGame[] = [];
  regular.forEach((g, i) => {
    if (g.date < asOf && g.homePts !== undefined && g.awayPts !== undefined) {
      played.push({ home: g.home, away: g.away, homePts: g.homePts, awayPts: g.awayPts });
      return;
    }
    if (g.date < asOf) return; // before the morning but without a score: postponed, never played
    const r = rest[i] as { home: boolean; away: boolean };
    const margin =
      (fit.ratings[g.home] ?? 0) -
      (fit.ratings[g.away] ?? 0) +
      (g.neutral === true ? 0 : fit.homeCourtPts) +
      fit.backToBackPts * ((r.away ? 1 : 0) - (r.home ? 1 : 0));
    remaining.push({ home: g.home, away: g.away, homeMargin: margin });
  });
  const postseason: PostseasonGame[] = [];
  for (const g of games) {
    if (g.season !== season || g.date >= asOf || g.homePts === undefined || g.awayPts === undefined) continue;
    if (g.gameType === 'playin' || g.gameType === 'playoffs')
      postseason.push({ home: g.home, away: g.away, homePts: g.homePts, awayPts: g.awayPts, gameType: g.gameType });
  }
  return { season, played, remaining, postseason, ratings: fit.ratings, homeCourtPts: fit.homeCourtPts };
}
