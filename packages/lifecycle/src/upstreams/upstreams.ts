import { seasonOfDate } from '@nba/config';
import type { DbClient } from '@nba/db';
import { ApiBasketballClient, OddsApiClient } from '@nba/ingestion';
import type { Logger } from '@nba/logging';
import { ApiBasketballStandIn, generateLeague, leagueAsOf, OddsApiStandIn, type LeagueGame } from '@nba/demo';
import { assertSameDataKind } from './data-kind';
import { LifecycleError } from '../lifecycle-error';

/**
 * What opening the upstreams needs from the environment (the apps parse it with `@nba/config`'s
 * `upstreamEnv`): both keys or neither, base URLs, response limits.
 */
export interface UpstreamSettings {
  API_BASKETBALL_KEY?: string | undefined;
  THE_ODDS_API_KEY?: string | undefined;
  API_BASKETBALL_BASE_URL: string;
  THE_ODDS_API_BASE_URL: string;
  API_BASKETBALL_MAX_RESPONSE_BYTES: number;
  THE_ODDS_API_MAX_RESPONSE_BYTES: number;
}

/** Where games and odds come from: the real APIs, or local stand-ins serving a generated league. */
export type UpstreamKind = 'api' | 'demo';

/** Both upstream clients, ready to use, and how to release what they hold. */
export interface Upstreams {
  kind: UpstreamKind;
  apiBasketball: ApiBasketballClient;
  odds: OddsApiClient;
  /** Data produced from these upstreams is demo data. */
  isDemo: boolean;
  /** Seasons the demo league covers (empty for the real APIs). */
  demoSeasons: number[];
  /** The demo's stand-in servers (tests switch their faults on). */
  standIns?: { apiBasketball: ApiBasketballStandIn; odds: OddsApiStandIn };
  close(): Promise<void>;
}

/**
 * The upstreams a command uses: `--source` when given, else the real APIs when the keys are set
 * (the environment has both or neither) and the demo stand-ins without them.
 */
export function upstreamKind(
  env: Pick<UpstreamSettings, 'API_BASKETBALL_KEY' | 'THE_ODDS_API_KEY'>,
  source?: UpstreamKind,
): UpstreamKind {
  return source ?? (env.API_BASKETBALL_KEY && env.THE_ODDS_API_KEY ? 'api' : 'demo');
}

/** Seed of the demo league: the same demo on every machine. */
export const DEMO_SEED = 20_261_126;
const DEMO_KEY = 'demo-key-not-a-secret';
// A local stand-in has no real quota; the demo's backfill takes a few thousand credits.
const DEMO_QUOTA = 10_000_000;

/** The demo league's games: the season of `today` and the two before it, as seen on the morning of `today`. */
export function demoLeague(today: string): { seasons: number[]; games: LeagueGame[] } {
  const current = seasonOfDate(today);
  const seasons = [current - 2, current - 1, current];
  return {
    seasons,
    games: seasons.flatMap((season) => leagueAsOf(generateLeague({ season, seed: DEMO_SEED + season }), today)),
  };
}

/**
 * Opens the upstreams, after checking that the database holds no data of the other kind (demo or
 * real). `api` needs both keys in the environment; `demo` starts the two stand-in servers on
 * 127.0.0.1 serving the generated league as of `today` (noon US Eastern).
 */
export async function openUpstreams(
  kind: UpstreamKind,
  deps: { env: UpstreamSettings; logger: Logger; db: DbClient },
  today: string,
): Promise<Upstreams> {
  const { env, logger } = deps;
  await assertSameDataKind(deps.db, kind === 'demo');
  if (kind === 'api') {
    const { API_BASKETBALL_KEY: basketballKey, THE_ODDS_API_KEY: oddsKey } = env;
    if (!basketballKey || !oddsKey) {
      const missing = [basketballKey ? '' : 'API_BASKETBALL_KEY', oddsKey ? '' : 'THE_ODDS_API_KEY'].filter(Boolean);
      throw new LifecycleError(
        'NEEDS_UPSTREAMS',
        `--source api needs ${missing.join(' and ')}; without keys use --source demo`,
      );
    }
    return {
      kind,
      apiBasketball: new ApiBasketballClient({
        baseUrl: env.API_BASKETBALL_BASE_URL,
        apiKey: basketballKey,
        logger,
        maxResponseBytes: env.API_BASKETBALL_MAX_RESPONSE_BYTES,
      }),
      odds: new OddsApiClient({
        baseUrl: env.THE_ODDS_API_BASE_URL,
        apiKey: oddsKey,
        logger,
        maxResponseBytes: env.THE_ODDS_API_MAX_RESPONSE_BYTES,
      }),
      isDemo: false,
      demoSeasons: [],
      close: () => Promise.resolve(),
    };
  }
  const league = demoLeague(today);
  const noon = new Date(`${today}T17:00:00Z`); // about noon in New York
  const basketball = new ApiBasketballStandIn({ games: league.games, apiKey: DEMO_KEY, quota: DEMO_QUOTA });
  const odds = new OddsApiStandIn({ games: league.games, apiKey: DEMO_KEY, quota: DEMO_QUOTA, now: () => noon });
  const [basketballUrl, oddsUrl] = await Promise.all([basketball.start(), odds.start()]);
  logger.info('demo mode: stand-in upstreams serving a generated league', {
    seasons: league.seasons,
    games: league.games.length,
    basketballUrl,
    oddsUrl,
  });
  const fast = { apiKey: DEMO_KEY, logger, timeoutMs: 5000, maxRetries: 2, retryDelayMs: 100 };
  return {
    kind,
    apiBasketball: new ApiBasketballClient({
      ...fast,
      baseUrl: basketballUrl,
      maxResponseBytes: env.API_BASKETBALL_MAX_RESPONSE_BYTES,
    }),
    odds: new OddsApiClient({ ...fast, baseUrl: oddsUrl, maxResponseBytes: env.THE_ODDS_API_MAX_RESPONSE_BYTES }),
    isDemo: true,
    demoSeasons: league.seasons,
    standIns: { apiBasketball: basketball, odds },
    close: async () => {
      await Promise.all([basketball.close(), odds.close()]);
    },
  };
}
