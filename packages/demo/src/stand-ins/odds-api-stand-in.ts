import { TEAMS } from '@nba/config';
import type { LeagueGame } from '../league/league-game';
import type { FaultKind } from './faults';
import { linesAsOf, STAND_IN_BOOKMAKERS, type LineSnapshot } from './line-history';
import { StandInServer, type Reply } from './stand-in-server';
import { required } from '@nba/errors';

const NAME = new Map(TEAMS.map((t) => [t.code, t.name]));
const MARKETS = new Set(['h2h', 'spreads', 'totals']);
const REGIONS = new Set(['us', 'us2', 'uk', 'eu', 'au']);
const HOUR = 3600_000;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const err = (status: number, message: string, error_code: string): Reply => ({ status, body: { message, error_code } });

/**
 * Stand-in of The Odds API v4 for `basketball_nba`: `/sports/basketball_nba/odds`, `/scores`
 * and `/historical/.../odds`, with the key in `apiKey`, credit costs in `x-requests-*` headers,
 * 401/422/429 errors in its `{ message, error_code }` form, and a line history per game.
 */
export class OddsApiStandIn extends StandInServer {
  private lastCost = 0;

  protected override basePath(): string {
    return '/v4';
  }

  protected quotaHeaders(): Record<string, string> {
    return {
      'x-requests-remaining': String(Math.max(0, this.options.quota - this.used)),
      'x-requests-used': String(this.used),
      'x-requests-last': String(this.lastCost),
    };
  }

  protected faultReply(kind: FaultKind): Reply {
    this.lastCost = 0;
    switch (kind) {
      case 'rate-limit':
      case 'envelope-rate-limit':
        return {
          ...err(429, 'Requests are being made too frequently. Please space out requests.', 'EXCEEDED_FREQ_LIMIT'),
          headers: { 'retry-after': String(this.options.retryAfterSeconds) },
        };
      case 'server-error':
        return err(500, 'Internal server error', 'INTERNAL_ERROR');
      case 'unavailable':
        return err(503, 'Service unavailable', 'SERVICE_UNAVAILABLE');
      case 'envelope-quota':
        return err(
          401,
          'Usage quota has been reached. See usage plans at https://the-odds-api.com',
          'OUT_OF_USAGE_CREDITS',
        );
      default:
        return err(401, 'API key is not valid. Get an API key at https://the-odds-api.com', 'INVALID_KEY');
    }
  }

  protected route(path: string, q: Record<string, string>): Reply {
    this.lastCost = 0;
    if (q.apiKey !== this.options.apiKey) return this.faultReply('wrong-key');
    if (this.used > this.options.quota) return this.faultReply('envelope-quota');
    const m = /^(\/historical)?\/sports\/([^/]+)\/(odds|scores)\/?$/.exec(path);
    if (!m) return err(404, `Endpoint '${path}' does not exist`, 'NOT_FOUND');
    if (m[2] !== 'basketball_nba') return err(404, `Unknown sport '${m[2]}'`, 'UNKNOWN_SPORT');
    if (q.dateFormat !== undefined && q.dateFormat !== 'iso')
      return err(422, 'Invalid dateFormat (this stand-in serves iso)', 'INVALID_DATE_FORMAT');
    if (m[3] === 'scores') {
      if (m[1]) return err(404, `Endpoint '${path}' does not exist`, 'NOT_FOUND');
      return this.scores(q);
    }
    const markets = (q.markets ?? 'h2h').split(',');
    if (markets.some((k) => !MARKETS.has(k))) return err(422, `Invalid markets '${q.markets}'`, 'INVALID_MARKET');
    const regions = q.regions ? q.regions.split(',') : [];
    if (!q.bookmakers && regions.length === 0) return err(422, 'Missing regions', 'MISSING_REGION');
    if (regions.some((r) => !REGIONS.has(r))) return err(422, `Invalid regions '${q.regions}'`, 'INVALID_REGION');
    const format = q.oddsFormat ?? 'decimal';
    if (format !== 'american' && format !== 'decimal')
      return err(422, `Invalid oddsFormat '${format}'`, 'INVALID_ODDS_FORMAT');
    const books = q.bookmakers ? new Set(q.bookmakers.split(',')) : undefined;
    const cost = markets.length * Math.max(1, regions.length);
    const now = this.options.now();
    if (m[1]) {
      const at = q.date ? new Date(q.date) : new Date(NaN);
      if (Number.isNaN(at.getTime())) return err(422, 'Invalid or missing date', 'INVALID_HISTORICAL_TIMESTAMP');
      const ts = new Date(Math.floor(at.getTime() / 300_000) * 300_000);
      const events = this.games()
        .filter((g) => g.tipoff > ts && g.tipoff.getTime() <= ts.getTime() + 48 * HOUR && linesAsOf(g, ts).length > 0)
        .map((g) => this.event(g, ts, markets, format, books));
      this.charge(10 * cost);
      return {
        status: 200,
        body: {
          timestamp: iso(ts),
          previous_timestamp: iso(new Date(ts.getTime() - 300_000)),
          next_timestamp: iso(new Date(ts.getTime() + 300_000)),
          data: events,
        },
      };
    }
    const events = this.games()
      .filter(
        (g) =>
          (g.status === 'scheduled' || g.status === 'live') &&
          g.tipoff.getTime() > now.getTime() - 4 * HOUR &&
          g.tipoff.getTime() <= now.getTime() + 7 * 24 * HOUR,
      )
      .map((g) => this.event(g, now, markets, format, books));
    this.charge(cost);
    return { status: 200, body: events };
  }

  private charge(cost: number): void {
    // The base class counted one credit for the request already.
    this.used += cost - 1;
    this.lastCost = cost;
  }

  private scores(q: Record<string, string>): Reply {
    const daysFrom = q.daysFrom === undefined ? undefined : Number(q.daysFrom);
    if (daysFrom !== undefined && (!Number.isInteger(daysFrom) || daysFrom < 1 || daysFrom > 3))
      return err(422, 'daysFrom must be an integer from 1 to 3', 'INVALID_DAYS_FROM');
    const now = this.options.now().getTime();
    const events = this.games()
      .filter(
        (g) =>
          g.tipoff.getTime() <= now + 2 * 24 * HOUR &&
          (g.status === 'live' || g.status === 'scheduled'
            ? g.tipoff.getTime() > now - 4 * HOUR
            : daysFrom !== undefined && g.tipoff.getTime() >= now - daysFrom * 24 * HOUR),
      )
      .filter((g) => g.status !== 'cancelled' && g.status !== 'postponed')
      .map((g) => ({
        id: g.oddsApiId,
        sport_key: 'basketball_nba',
        sport_title: 'NBA',
        commence_time: iso(g.tipoff),
        completed: g.status === 'final',
        home_team: NAME.get(g.homeCode),
        away_team: NAME.get(g.awayCode),
        scores:
          g.status === 'final' || g.status === 'live'
            ? [
                { name: NAME.get(g.homeCode), score: String(g.homeScore ?? 0) },
                { name: NAME.get(g.awayCode), score: String(g.awayScore ?? 0) },
              ]
            : null,
        last_update: g.status === 'final' ? iso(new Date(g.tipoff.getTime() + 2.5 * HOUR)) : null,
      }));
    this.charge(daysFrom === undefined ? 1 : 2);
    return { status: 200, body: events };
  }

  private event(g: LeagueGame, at: Date, markets: string[], format: string, books: Set<string> | undefined) {
    const price = (american: number) =>
      format === 'american'
        ? american
        : Math.round((american > 0 ? 1 + american / 100 : 1 + 100 / -american) * 100) / 100;
    const home = required(NAME.get(g.homeCode), `the name of ${g.homeCode}`);
    const away = required(NAME.get(g.awayCode), `the name of ${g.awayCode}`);
    const marketsOf = (s: LineSnapshot) => {
      const out = [];
      const last_update = iso(s.capturedAt);
      if (markets.includes('h2h') && s.homeMl !== null && s.awayMl !== null) {
        out.push({
          key: 'h2h',
          last_update,
          outcomes: [
            { name: home, price: price(s.homeMl) },
            { name: away, price: price(s.awayMl) },
          ],
        });
      }
      if (markets.includes('spreads') && s.spreadHome !== null) {
        out.push({
          key: 'spreads',
          last_update,
          outcomes: [
            { name: home, price: price(s.spreadPrices[0]), point: s.spreadHome },
            { name: away, price: price(s.spreadPrices[1]), point: -s.spreadHome },
          ],
        });
      }
      if (markets.includes('totals') && s.total !== null) {
        out.push({
          key: 'totals',
          last_update,
          outcomes: [
            { name: 'Over', price: price(-110), point: s.total },
            { name: 'Under', price: price(-110), point: s.total },
          ],
        });
      }
      return out;
    };
    const bookmakers = linesAsOf(g, at)
      .filter((s) => !books || books.has(s.bookmaker))
      .map((s) => ({
        key: s.bookmaker,
        title: STAND_IN_BOOKMAKERS.find((b) => b.key === s.bookmaker)?.title ?? s.bookmaker,
        last_update: iso(s.capturedAt),
        markets: marketsOf(s),
      }));
    return {
      id: g.oddsApiId,
      sport_key: 'basketball_nba',
      sport_title: 'NBA',
      commence_time: iso(g.tipoff),
      home_team: home,
      away_team: away,
      bookmakers,
    };
  }
}
