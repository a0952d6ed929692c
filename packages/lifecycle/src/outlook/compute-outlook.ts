import { addDays, parseIsoDate, seasonDates, seasonOfDate, SUPPORTED_DATES } from '@nba/config';
import type { DbClient } from '@nba/db';
import type { ClosingLine, GameRecord } from '@nba/games';
import { loadFeatureInputs } from '@nba/ingestion';
import { LifecycleError } from '../lifecycle-error';
import { morningOutlook, OUTLOOK_RATING_MODEL, type MorningOptions, type MorningOutlook } from './morning-outlook';
import { OUTLOOK_EARLIER_SEASONS, outlookHistory } from './outlook-history';

/** What {@link computeOutlook} stored. */
export interface ComputedOutlook {
  readonly date: string;
  readonly season: number;
  /** Team rows written for the date (30), replacing any stored before. */
  readonly rows: number;
  readonly simulations: number;
  readonly seed: number;
  readonly isDemo: boolean;
  readonly outlook: MorningOutlook;
}

/** Seed of a date's simulations unless given: the same for every rerun of that date. */
export function defaultOutlookSeed(date: string): number {
  return Number(date.replaceAll('-', ''));
}

/**
 * The season outlook of the morning of `date`, computed from the games and closing lines stored in
 * PostgreSQL as known that morning (scores and lines of games before `date` only; later games as
 * scheduled) and stored: a rerun replaces the date's rows in one transaction, so the task is safe to
 * run twice and to resume. The season is the one `date` belongs to; a date whose season has no
 * regular-season games stored is a NO_SEASON_SCHEDULE error (the off-season before a schedule).
 */
export async function computeOutlook(
  db: DbClient,
  date: string,
  options: MorningOptions = {},
): Promise<ComputedOutlook> {
  parseIsoDate(date);
  return storeMorningOutlook(db, date, await loadOutlookInputs(db, seasonOfDate(date)), options);
}

/** What a season's outlooks read: the games (with scores) and closing lines of the season and the {@link OUTLOOK_EARLIER_SEASONS} before. */
export interface OutlookInputs {
  readonly season: number;
  readonly games: readonly GameRecord[];
  readonly lines: ReadonlyMap<string, ClosingLine>;
}

/** Reads the {@link OutlookInputs} of `season` once (a caller storing many mornings of a season reuses them). */
export async function loadOutlookInputs(db: DbClient, season: number): Promise<OutlookInputs> {
  const from = seasonDates(Math.max(season - OUTLOOK_EARLIER_SEASONS, SUPPORTED_DATES.firstSeason)).start;
  const { games, lines } = await loadFeatureInputs(db, { after: addDays(from, -1) });
  return { season, games, lines };
}

/**
 * {@link computeOutlook} from inputs read before: what the morning of `date` could know is taken
 * from them ({@link outlookHistory}), so inputs read later in the season serve earlier mornings too.
 */
export async function storeMorningOutlook(
  db: DbClient,
  date: string,
  inputs: OutlookInputs,
  options: MorningOptions = {},
): Promise<ComputedOutlook> {
  const { season, games, lines } = inputs;
  if (seasonOfDate(date) !== season)
    throw new LifecycleError('BAD_OUTLOOK_OPTIONS', `invalid outlook date ${date}: not in season ${season}`);
  if (!games.some((g) => g.season === season && g.gameType === 'regular')) {
    throw new LifecycleError(
      'NO_SEASON_SCHEDULE',
      `no regular-season games of season ${season} stored: no outlook for ${date}`,
    );
  }
  const seed = options.seed ?? defaultOutlookSeed(date);
  const outlook = morningOutlook(outlookHistory(games, lines, season, date), season, date, { ...options, seed });
  const isDemo = (await db.game.count({ where: { season, isDemo: true } })) > 0;
  const record = new Map<string, { wins: number; losses: number }>();
  for (const g of outlook.state.played) {
    const home = record.get(g.home) ?? { wins: 0, losses: 0 };
    const away = record.get(g.away) ?? { wins: 0, losses: 0 };
    record.set(g.home, g.homePts > g.awayPts ? { ...home, wins: home.wins + 1 } : { ...home, losses: home.losses + 1 });
    record.set(g.away, g.awayPts > g.homePts ? { ...away, wins: away.wins + 1 } : { ...away, losses: away.losses + 1 });
  }
  const day = new Date(`${date}T00:00:00Z`);
  const data = outlook.teams.map((t) => ({
    date: day,
    season,
    teamCode: t.team,
    conference: t.conference,
    wins: record.get(t.team)?.wins ?? 0,
    losses: record.get(t.team)?.losses ?? 0,
    rating: outlook.fit.ratings[t.team] ?? 0,
    winsMean: t.winsMean,
    winsP10: t.winsP10,
    winsP90: t.winsP90,
    seedProbs: [...t.seed],
    topSeed: t.topSeed,
    makePlayin: t.playIn,
    makePlayoffs: t.playoffs,
    makeConfSemis: t.secondRound,
    makeConfFinals: t.confFinals,
    makeFinals: t.finals,
    winFinals: t.title,
    simulations: outlook.simulations,
    simulationSeed: seed,
    ratingModel: OUTLOOK_RATING_MODEL.name,
    ratingVersion: OUTLOOK_RATING_MODEL.version,
    ratingParams: { ...OUTLOOK_RATING_MODEL.params },
    isDemo,
  }));
  await db.$transaction(async (tx) => {
    // two runs of one date at once: the second waits, then replaces the first's rows
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`season_outlook:${date}`}))`;
    await tx.seasonOutlook.deleteMany({ where: { date: day } });
    await tx.seasonOutlook.createMany({ data });
  });
  return { date, season, rows: data.length, simulations: outlook.simulations, seed, isDemo, outlook };
}
