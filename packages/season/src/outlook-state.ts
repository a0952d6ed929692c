import { backToBacks, type LinedGame, type RatingFit } from './rating-model';
import type { FutureGame, PlayedGame, SeasonState } from './simulation-input';

/**
 * The simulator's input on the morning of `asOf`: the season's regular-season games before it as
 * played, and every later one priced from the ratings (home court unless neutral, a back-to-back
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
  return { season, played, remaining, ratings: fit.ratings, homeCourtPts: fit.homeCourtPts };
}
