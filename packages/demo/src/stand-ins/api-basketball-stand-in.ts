import type { IncomingMessage } from 'node:http';
import { TEAMS } from '@nba/config';
import type { LeagueGame } from '../league/league-game';
import type { FaultKind } from './faults';
import { StandInServer, type Reply, type StandInOptions } from './stand-in-server';
import { required } from '@nba/errors';

const TEAM_BY_CODE = new Map(TEAMS.map((t) => [t.code, t]));
const STATUS: Record<LeagueGame['status'], { long: string; short: string }> = {
  scheduled: { long: 'Not Started', short: 'NS' },
  live: { long: 'Quarter 3', short: 'Q3' },
  final: { long: 'Game Finished', short: 'FT' },
  postponed: { long: 'Game Postponed', short: 'POST' },
  cancelled: { long: 'Game Cancelled', short: 'CANC' },
};
const KNOWN_PARAMS = new Set(['id', 'date', 'league', 'season', 'team', 'timezone', 'h2h', 'page']);
const MESSAGES = {
  token:
    'Error/Missing application key. Go to https://www.api-football.com/documentation-v3 to learn how to get your API application key.',
  requests:
    'You have reached the request limit for the day, Go to https://dashboard.api-football.com to upgrade your plan.',
  rateLimit: 'Too many requests. Your rate limit is 10 requests per minute.',
};

export interface ApiBasketballStandInOptions extends StandInOptions {
  /** Games per page of `/games` (default: everything on one page, as upstream does). */
  pageSize?: number;
}

/**
 * Stand-in of API-Basketball v1 `GET /games` for league 12, in the documented envelope
 * (`get, parameters, errors, results, paging, response`), with its quota headers, the key in
 * `x-apisports-key`, and errors reported with HTTP 200 in `errors`.
 */
export class ApiBasketballStandIn extends StandInServer {
  constructor(private readonly o: ApiBasketballStandInOptions) {
    super(o);
  }

  protected quotaHeaders(): Record<string, string> {
    return {
      'x-ratelimit-requests-limit': String(this.options.quota),
      'x-ratelimit-requests-remaining': String(Math.max(0, this.options.quota - this.used)),
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '299',
    };
  }

  protected faultReply(kind: FaultKind, path: string): Reply {
    switch (kind) {
      case 'rate-limit':
        return {
          status: 429,
          body: { message: 'Too many requests' },
          headers: { 'retry-after': String(this.options.retryAfterSeconds) },
        };
      case 'server-error':
        return { status: 500, body: { message: 'Internal Server Error' } };
      case 'unavailable':
        return { status: 503, body: { message: 'Service Unavailable' } };
      case 'envelope-rate-limit':
        return this.envelope(path, {}, { rateLimit: MESSAGES.rateLimit }, []);
      case 'envelope-quota':
        return this.envelope(path, {}, { requests: MESSAGES.requests }, []);
      default:
        return this.envelope(path, {}, { token: MESSAGES.token }, []);
    }
  }

  protected route(path: string, query: Record<string, string>, req: IncomingMessage): Reply {
    if (req.headers['x-apisports-key'] !== this.options.apiKey)
      return this.envelope(path, query, { token: MESSAGES.token }, []);
    if (this.used > this.options.quota) return this.envelope(path, query, { requests: MESSAGES.requests }, []);
    if (path !== '/games') return { status: 404, body: { message: `Endpoint '${path}' does not exist` } };
    const errors: Record<string, string> = {};
    for (const k of Object.keys(query)) if (!KNOWN_PARAMS.has(k)) errors[k] = 'This field do not exist.';
    if (query.page !== undefined && !this.o.pageSize) errors.page = 'This field do not exist.';
    if (query.season !== undefined && !/^\d{4}-\d{4}$/.test(query.season))
      errors.season = 'The Season field must contain a valid season.';
    if (query.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(query.date))
      errors.date = 'The Date field must contain a valid date (YYYY-MM-DD).';
    let tz: Intl.DateTimeFormat | undefined;
    try {
      tz = new Intl.DateTimeFormat('en-CA', {
        timeZone: query.timezone ?? 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      errors.timezone = 'The Timezone field must contain a valid timezone.';
    }
    if (!query.season && !query.date && !query.id) errors.required = 'At least one parameter is required.';
    if (Object.keys(errors).length) return this.envelope(path, query, errors, []);
    const games = this.games().filter(
      (g) =>
        (query.league === undefined || query.league === '12') &&
        (query.season === undefined || query.season === `${g.season - 1}-${g.season}`) &&
        (query.date === undefined || tz?.format(g.tipoff) === query.date) &&
        (query.id === undefined || String(g.apiBasketballId) === query.id),
    );
    const size = this.o.pageSize ?? Math.max(1, games.length);
    const total = Math.max(1, Math.ceil(games.length / size));
    const current = Number(query.page ?? 1);
    const items = games.slice((current - 1) * size, current * size).map((g) => this.render(g));
    return this.envelope(path, query, {}, items, { current, total });
  }

  private envelope(
    path: string,
    query: Record<string, string>,
    errors: Record<string, string>,
    response: unknown[],
    paging = { current: 1, total: 1 },
  ): Reply {
    const hasErrors = Object.keys(errors).length > 0;
    return {
      status: 200,
      body: {
        get: path.replace(/^\//, ''),
        parameters: query,
        errors: hasErrors ? errors : [],
        results: response.length,
        paging,
        response,
      },
    };
  }

  private render(g: LeagueGame) {
    const team = (code: string) => {
      const t = required(TEAM_BY_CODE.get(code), `the team ${code}`);
      return {
        id: t.apiBasketballId,
        name: t.name,
        logo: `https://media.api-sports.io/basketball/teams/${t.apiBasketballId}.png`,
      };
    };
    const started = g.status === 'final' || g.status === 'live';
    const side = (total: number | null) => {
      if (!started || total === null)
        return { quarter_1: null, quarter_2: null, quarter_3: null, quarter_4: null, over_time: null, total: null };
      const q = Math.floor(total / 4);
      return { quarter_1: q, quarter_2: q, quarter_3: q, quarter_4: total - 3 * q, over_time: null, total };
    };
    return {
      id: g.apiBasketballId,
      date: g.tipoff.toISOString().replace('.000Z', '+00:00'),
      time: g.tipoff.toISOString().slice(11, 16),
      timestamp: Math.floor(g.tipoff.getTime() / 1000),
      timezone: 'UTC',
      stage: null,
      week: null,
      status: { ...STATUS[g.status], timer: null },
      league: {
        id: 12,
        name: 'NBA',
        type: 'League',
        season: `${g.season - 1}-${g.season}`,
        logo: 'https://media.api-sports.io/basketball/leagues/12.png',
      },
      country: { id: 5, name: 'USA', code: 'US', flag: 'https://media.api-sports.io/flags/us.svg' },
      teams: { home: team(g.homeCode), away: team(g.awayCode) },
      scores: { home: side(g.homeScore), away: side(g.awayScore) },
    };
  }
}
