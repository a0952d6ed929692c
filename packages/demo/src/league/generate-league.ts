import { createHash } from 'node:crypto';
import { addDays, seasonDates, TEAMS } from '@nba/config';
import { easternToUtc } from './eastern-clock';
import { closingLine } from './market';
import { Rng } from './rng';
import { scheduleSeason } from './schedule';
import { daysFrom, seasonStrengths } from './team-strengths';
import type { LeagueGame } from './league-game';
import { required } from '@nba/errors';

export interface LeagueOptions {
  /** Season by its ending year (2025 is 2024-25). */
  season: number;
  /** Seed of the season's games: schedule, scores, lines. */
  seed: number;
  /**
   * The league the season belongs to: seasons of one league follow each other (team strengths
   * carry over from one season to the next). Default `seed - season`, so seeds of the form
   * `base + season` (as the demo's) make one league.
   */
  leagueSeed?: number;
  /** Home advantage in points (default 2.5). */
  homeAdvantage?: number;
  /** Penalty in points for a team on the second night of a back-to-back (default 2). */
  backToBackPenalty?: number;
}

/** A generated season: every game with its result and closing line, and the teams' latent strengths. */
export interface League {
  season: number;
  seed: number;
  games: LeagueGame[];
  /** Strength (points better than average) of each team at the start and at the end of the season. */
  strengths: Record<string, { start: number; end: number }>;
}

const TIPOFFS: readonly [number, number][] = [
  [19, 0],
  [19, 30],
  [20, 0],
  [19, 0],
  [20, 30],
  [22, 0],
  [22, 30],
  [19, 30],
];

/** The Odds API-like event id of a game: 32 hex digits, stable per game key. */
export function oddsIdOf(gameKey: string): string {
  return createHash('md5').update(`odds:${gameKey}`).digest('hex');
}

/**
 * Generates a realistic regular season with a seed: 30 teams whose latent strengths (sd 4.5 points)
 * drift through the season and carry over from the league's previous season (`seasonStrengths`),
 * home advantage, a back-to-back penalty, an 82-game schedule from the season's opening day,
 * margins drawn around the expected margin (sd 12), totals around 225, and closing lines (spread,
 * moneylines with vig, total) from the market's noisy view. All games are played (final);
 * `leagueAsOf` hides results after a given day.
 */
export function generateLeague(options: LeagueOptions): League {
  const rng = new Rng(options.seed);
  const hca = options.homeAdvantage ?? 2.5;
  const b2b = options.backToBackPenalty ?? 2;
  const strengths = seasonStrengths(options.leagueSeed ?? options.seed - options.season, options.season);
  const pace = new Map(TEAMS.map((t) => [t.code, rng.normal(0, 4)]));
  const opening = seasonDates(options.season).start;
  const schedule = scheduleSeason(rng, opening);
  const lastDay = daysFrom(opening, required(schedule.at(-1), 'the last scheduled game').date);
  const endpoints = Object.fromEntries(
    TEAMS.map((t) => [t.code, { start: strengths.on(t.code, 0), end: strengths.on(t.code, lastDay) }]),
  );
  const lastPlayed = new Map<string, string>();
  const games: LeagueGame[] = [];
  schedule.forEach((g, i) => {
    const day = daysFrom(opening, g.date);
    const rest = (code: string) => (lastPlayed.get(code) === addDays(g.date, -1) ? -b2b : 0);
    const strengthOf = (code: string) => strengths.on(code, day);
    const paceOf = (code: string) => required(pace.get(code), `the pace of ${code}`);
    const expectedMargin = strengthOf(g.homeCode) - strengthOf(g.awayCode) + hca + rest(g.homeCode) - rest(g.awayCode);
    const expectedTotal = 225 + paceOf(g.homeCode) + paceOf(g.awayCode);
    const line = closingLine(rng, expectedMargin, expectedTotal);
    let margin = Math.round(rng.normal(expectedMargin, 12));
    if (margin === 0) margin = rng.next() < 0.5 ? -(1 + rng.int(8)) : 1 + rng.int(8); // overtime decides
    const total = Math.max(150, Math.round(rng.normal(expectedTotal, 18)));
    const homeScore = Math.round((total + margin) / 2);
    const awayScore = homeScore - margin;
    lastPlayed.set(g.homeCode, g.date);
    lastPlayed.set(g.awayCode, g.date);
    const [h, m] = required(TIPOFFS[rng.int(TIPOFFS.length)], 'a tip-off time');
    const gameKey = `${g.date.replace(/-/g, '')}_${g.awayCode}_${g.homeCode}`;
    games.push({
      gameKey,
      season: options.season,
      date: g.date,
      tipoff: easternToUtc(g.date, h, m),
      homeCode: g.homeCode,
      awayCode: g.awayCode,
      status: 'final',
      homeScore,
      awayScore,
      gameType: 'regular',
      apiBasketballId: (options.season % 100) * 100_000 + i + 1,
      oddsApiId: oddsIdOf(gameKey),
      line,
    });
  });
  return { season: options.season, seed: options.seed, games, strengths: endpoints };
}

/** The league as seen on the morning of `today`: earlier games final, the rest scheduled without scores. */
export function leagueAsOf(league: League, today: string): LeagueGame[] {
  return league.games.map((g) =>
    g.date < today ? g : { ...g, status: 'scheduled', homeScore: null, awayScore: null },
  );
}
