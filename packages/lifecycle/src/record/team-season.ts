import { parseIsoDate, seasonDates, seasonOfDate, TEAM_CODES } from '@nba/config';
import type { DbClient, GameStatus } from '@nba/db';
import { checkForecast } from '@nba/modeling';
import type { LiveScores } from '@nba/registry';
import { LifecycleError } from '../lifecycle-error';
import { scoreSettled } from './live-comparison';
import { storedOutlooksVersion } from '../outlook/outlook-reads';

/** Forecasts made that morning by the served version, or afterwards by a version trained only on earlier games: never mixed. */
export type ForecastKind = 'live' | 'hindcast';

/** A model's newest stored forecast of one game, from the team's side. */
export interface TeamForecast {
  readonly model: string;
  readonly version: string;
  readonly kind: ForecastKind;
  /** P(the team wins); null when the forecast is withheld. */
  readonly teamWinProb: number | null;
  /** Why the forecast is not shown: it fails the last-step check (@nba/modeling `checkForecast`). */
  readonly withheld?: { readonly reason: string; readonly message: string };
}

/** One game of the team's season, from the team's side. */
export interface TeamGame {
  readonly gameId: number;
  readonly gameKey: string;
  /** US Eastern date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly tipoff: Date | null;
  readonly opponent: string;
  /** True when the team is the home side (at a neutral site: the side listed as home). */
  readonly home: boolean;
  readonly neutralSite: boolean | null;
  readonly status: GameStatus;
  readonly teamScore: number | null;
  readonly opponentScore: number | null;
  /** Null until the game is final with both scores. */
  readonly teamWon: boolean | null;
  /** The market's P(the team wins) and the team's spread (negative: favoured), at the time of the newest forecast. */
  readonly market: { readonly teamWinProb: number | null; readonly spread: number | null } | null;
  /** Per model name the newest live forecast, or the newest hindcast when the game has no live one; by model name. */
  readonly forecasts: readonly TeamForecast[];
  readonly isDemo: boolean;
}

/** The team's rating on one morning, as the season outlook stored it. */
export interface TeamRating {
  readonly date: string;
  readonly rating: number;
  readonly wins: number;
  readonly losses: number;
}

/** A model's record of one kind (live or hindcast, never both) on the team's final games beside the market's on the same games. */
export interface TeamForecastRecord {
  readonly model: string;
  readonly kind: ForecastKind;
  /** Every final game of the team the model forecast with that kind (withheld forecasts left out). */
  readonly games: number;
  readonly scores: LiveScores | null;
  /** The model and the market on the games of those with a market probability (null: none had one). */
  readonly vsMarket: { readonly games: number; readonly model: LiveScores; readonly market: LiveScores } | null;
}

/** A team's season as the team view shows it. */
export interface TeamSeason {
  readonly team: string;
  readonly season: number;
  /** Seasons with games of the team stored, newest first. */
  readonly seasons: readonly number[];
  /** Games up to `asOf`, and later ones that already have a stored forecast, by date. */
  readonly games: readonly TeamGame[];
  /** Games of the season after those, not yet forecast. */
  readonly remaining: number;
  /** The team's rating on each morning with a stored season outlook, oldest first. */
  readonly ratings: readonly TeamRating[];
  /** The rating model of those outlooks (`name` `version`), or null when none is stored. */
  readonly ratingModel: { readonly name: string; readonly version: string } | null;
  /** Per model name (by name) and kind (live first), the record on the team's final games. */
  readonly records: readonly TeamForecastRecord[];
  readonly isDemo: boolean;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The team's code checked against the league's: an unknown one is an UNKNOWN_TEAM error naming it. */
function knownTeam(team: string): string {
  if (!TEAM_CODES.includes(team))
    throw new LifecycleError('UNKNOWN_TEAM', `unknown team '${team}': expected one of ${TEAM_CODES.join(', ')}`);
  return team;
}

/** The games of `team` (either side). */
const ofTeam = (team: string) => ({ OR: [{ homeCode: team }, { awayCode: team }] });

/**
 * A fingerprint of the team's stored rating history (its season outlooks), which the page data
 * version of @nba/db does not follow: a cached team view is current while both are unchanged.
 */
export function teamRatingsVersion(db: DbClient, team: string): Promise<string> {
  return storedOutlooksVersion(db, knownTeam(team));
}

type StoredPrediction = {
  gameId: number;
  homeWinProb: number;
  expectedMargin: number | null;
  expectedTotal: number | null;
  marketHomeProb: number | null;
  marketSpread: number | null;
  modelVersion: { name: string; version: string; kind: ForecastKind };
};

/** A stored forecast from the team's side (the last-step check applied: one that fails it is withheld). */
function teamForecast(r: StoredPrediction, home: boolean): TeamForecast {
  const check = checkForecast({
    homeWinProbability: r.homeWinProb,
    expectedMargin: r.expectedMargin,
    expectedTotal: r.expectedTotal,
    marketProbability: r.marketHomeProb,
  });
  const { name: model, version, kind } = r.modelVersion;
  if (!check.ok)
    return { model, version, kind, teamWinProb: null, withheld: { reason: check.reason, message: check.message } };
  return { model, version, kind, teamWinProb: home ? r.homeWinProb : 1 - r.homeWinProb };
}

/** The newest forecast of each model name and kind (`rows` come live first, newest first). */
function newestByKind(rows: readonly StoredPrediction[], home: boolean): TeamForecast[] {
  const newest = new Map<string, TeamForecast>();
  for (const r of rows) {
    const key = `${r.modelVersion.name}|${r.modelVersion.kind}`;
    if (!newest.has(key)) newest.set(key, teamForecast(r, home));
  }
  return [...newest.values()];
}

/** The forecast shown per model name: the live one, else the hindcast; by model name. */
function shownForecasts(all: readonly TeamForecast[]): TeamForecast[] {
  const shown = new Map<string, TeamForecast>();
  for (const f of all) if (!shown.has(f.model) || f.kind === 'live') shown.set(f.model, f);
  return [...shown.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** The market at the newest forecast that carries one (live first), from the team's side. */
function teamMarket(rows: readonly StoredPrediction[], home: boolean): TeamGame['market'] {
  const r = rows.find((p) => p.marketHomeProb !== null || p.marketSpread !== null);
  if (!r) return null;
  const p = r.marketHomeProb;
  const s = r.marketSpread;
  return { teamWinProb: p === null ? null : home ? p : 1 - p, spread: s === null ? null : home ? s : -s };
}

/** Each model's scores per kind on the team's final games, and beside the market's on those with a market probability. */
function forecastRecords(games: readonly { game: TeamGame; all: readonly TeamForecast[] }[]): TeamForecastRecord[] {
  const keys = [
    ...new Map(
      games.flatMap(({ all }) => all.map((f) => [`${f.model}|${f.kind}`, { model: f.model, kind: f.kind }] as const)),
    ).values(),
  ];
  keys.sort((a, b) => a.model.localeCompare(b.model) || (a.kind === b.kind ? 0 : a.kind === 'live' ? -1 : 1));
  return keys.map(({ model, kind }) => {
    // scored as the team's chance of winning: log loss, Brier and accuracy read the same from either side
    const scored = games.flatMap(({ game, all }) => {
      const p = all.find((f) => f.model === model && f.kind === kind)?.teamWinProb;
      return game.teamWon === null || p === null || p === undefined
        ? []
        : [{ p, won: game.teamWon ? 1 : 0, market: game.market?.teamWinProb ?? null }];
    });
    const lined = scored.flatMap((s) => (s.market === null ? [] : [{ ...s, market: s.market }]));
    return {
      model,
      kind,
      games: scored.length,
      scores: scored.length ? scoreSettled(scored) : null,
      vsMarket: lined.length
        ? {
            games: lined.length,
            model: scoreSettled(lined),
            market: scoreSettled(lined.map((s) => ({ p: s.market, won: s.won }))),
          }
        : null,
    };
  });
}

/**
 * A team's season for the team view: its games up to the morning of `asOf` (and later ones already
 * forecast), each with the newest stored forecast of every model and the market's line from the
 * team's side and the result; its rating on each morning the season outlook was stored (the
 * outlook's market-and-results ratings of @nba/season, never recomputed here); and each model's
 * record against the market on the team's final games. `season` defaults to the newest season with
 * games of the team on or before `asOf` (the season so far; in the off-season the one just ended).
 * An unknown team is an UNKNOWN_TEAM error; an invalid season a ConfigError from @nba/config.
 */
export async function teamSeason(
  db: DbClient,
  team: string,
  options: { asOf: string; season?: number },
): Promise<TeamSeason> {
  const code = knownTeam(team);
  parseIsoDate(options.asOf);
  const season = options.season ?? (await defaultSeason(db, code, options.asOf)) ?? seasonOfDate(options.asOf);
  seasonDates(season);
  const where = { season, ...ofTeam(code) };
  const [seasons, stored, predictions, outlooks] = await Promise.all([
    db.game.groupBy({ by: ['season'], where: ofTeam(code), orderBy: { season: 'desc' } }),
    db.game.findMany({ where, orderBy: [{ date: 'asc' }, { tipoff: 'asc' }, { gameKey: 'asc' }] }),
    db.prediction.findMany({
      where: { game: where },
      select: {
        gameId: true,
        homeWinProb: true,
        expectedMargin: true,
        expectedTotal: true,
        marketHomeProb: true,
        marketSpread: true,
        isDemo: true,
        modelVersion: { select: { name: true, version: true, kind: true } },
      },
      // live before hindcast (the enum's order), newest first
      orderBy: [{ modelVersion: { kind: 'asc' } }, { predictedAt: 'desc' }, { id: 'desc' }],
    }),
    db.seasonOutlook.findMany({
      where: { teamCode: code, season },
      select: {
        date: true,
        rating: true,
        wins: true,
        losses: true,
        ratingModel: true,
        ratingVersion: true,
        isDemo: true,
      },
      orderBy: { date: 'asc' },
    }),
  ]);
  const byGame = new Map<number, StoredPrediction[]>();
  for (const p of predictions) byGame.set(p.gameId, [...(byGame.get(p.gameId) ?? []), p]);
  const shown = stored.filter((g) => day(g.date) <= options.asOf || byGame.has(g.id));
  const games = shown.map((g): { game: TeamGame; all: TeamForecast[] } => {
    const home = g.homeCode === code;
    const rows = byGame.get(g.id) ?? [];
    const all = newestByKind(rows, home);
    const [teamScore, opponentScore] = home ? [g.homeScore, g.awayScore] : [g.awayScore, g.homeScore];
    const final = g.status === 'final' && teamScore !== null && opponentScore !== null;
    const game: TeamGame = {
      gameId: g.id,
      gameKey: g.gameKey,
      date: day(g.date),
      tipoff: g.tipoff,
      opponent: home ? g.awayCode : g.homeCode,
      home,
      neutralSite: g.neutralSite,
      status: g.status,
      teamScore,
      opponentScore,
      teamWon: final ? teamScore > opponentScore : null,
      market: teamMarket(rows, home),
      forecasts: shownForecasts(all),
      isDemo: g.isDemo,
    };
    return { game, all };
  });
  const last = outlooks.at(-1);
  return {
    team: code,
    season,
    seasons: seasons.map((s) => s.season),
    games: games.map((g) => g.game),
    remaining: stored.length - shown.length,
    ratings: outlooks.map((o) => ({ date: day(o.date), rating: o.rating, wins: o.wins, losses: o.losses })),
    ratingModel: last ? { name: last.ratingModel, version: last.ratingVersion } : null,
    records: forecastRecords(games),
    isDemo: stored.some((g) => g.isDemo) || predictions.some((p) => p.isDemo) || outlooks.some((o) => o.isDemo),
  };
}

/** The newest season with a game of the team on or before `asOf` (null: none). */
async function defaultSeason(db: DbClient, team: string, asOf: string): Promise<number | null> {
  const g = await db.game.findFirst({
    where: { ...ofTeam(team), date: { lte: new Date(`${asOf}T00:00:00Z`) } },
    orderBy: { date: 'desc' },
    select: { season: true },
  });
  return g?.season ?? null;
}
