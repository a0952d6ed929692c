import { StandInServer, type Reply } from '@nba/demo';
import { teamByCode } from '@nba/config';
import { required } from '@nba/errors';

/**
 * A stand-in that answers whatever the test scripts, in the upstream's documented format: the
 * values the generated league never produces (absurd lines, duplicate ids, huge bodies).
 */
export class ScriptedUpstream extends StandInServer {
  /** The answer to every request (set by the test before each call). */
  reply: (path: string, query: Record<string, string>) => Reply = () => ({
    status: 404,
    body: { message: 'nothing scripted' },
  });

  constructor(private readonly prefix = '') {
    super({ games: [], apiKey: 'scripted-key' });
  }

  protected override basePath(): string {
    return this.prefix;
  }
  protected route(path: string, query: Record<string, string>): Reply {
    return this.reply(path, query);
  }
  protected faultReply(): Reply {
    return { status: 500, body: { message: 'fault' } };
  }
  protected quotaHeaders(): Record<string, string> {
    return {};
  }
}

/** One game of API-Basketball's `GET /games` (documented fields). */
export function apiBasketballGame(
  id: number,
  home: string,
  away: string,
  tipoff: string,
  scores?: [number, number],
): unknown {
  const side = (total: number | null) => ({
    quarter_1: null,
    quarter_2: null,
    quarter_3: null,
    quarter_4: null,
    over_time: null,
    total,
  });
  const team = (code: string) => {
    const t = required(teamByCode(code), `the team ${code}`);
    return { id: t.apiBasketballId, name: t.name };
  };
  return {
    id,
    date: tipoff,
    timestamp: Date.parse(tipoff) / 1000,
    status: scores ? { long: 'Game Finished', short: 'FT' } : { long: 'Not Started', short: 'NS' },
    league: { id: 12, season: '2024-2025' },
    teams: { home: team(home), away: team(away) },
    scores: { home: side(scores?.[0] ?? null), away: side(scores?.[1] ?? null) },
  };
}

/** API-Basketball's envelope around `response`. */
export const envelope = (response: unknown[]): Reply => ({
  status: 200,
  body: {
    get: 'games',
    parameters: {},
    errors: [],
    results: response.length,
    paging: { current: 1, total: 1 },
    response,
  },
});

/** A line of one bookmaker in The Odds API's format: h2h prices, home spread, total. */
export interface ScriptedLine {
  bookmaker?: string;
  lastUpdate: string;
  h2h?: [number, number];
  spread?: number;
  total?: number;
}

/** One event of The Odds API's `GET /sports/basketball_nba/odds` with the given lines. */
export function oddsEvent(id: string, home: string, away: string, commence: string, lines: ScriptedLine[]): unknown {
  const homeName = required(teamByCode(home), `the team ${home}`).name;
  const awayName = required(teamByCode(away), `the team ${away}`).name;
  return {
    id,
    sport_key: 'basketball_nba',
    commence_time: commence,
    home_team: homeName,
    away_team: awayName,
    bookmakers: lines.map((l) => ({
      key: l.bookmaker ?? 'draftkings',
      title: 'DraftKings',
      last_update: l.lastUpdate,
      markets: [
        ...(l.h2h
          ? [
              {
                key: 'h2h',
                last_update: l.lastUpdate,
                outcomes: [
                  { name: homeName, price: l.h2h[0] },
                  { name: awayName, price: l.h2h[1] },
                ],
              },
            ]
          : []),
        ...(l.spread !== undefined
          ? [
              {
                key: 'spreads',
                last_update: l.lastUpdate,
                outcomes: [
                  { name: homeName, price: -110, point: l.spread },
                  { name: awayName, price: -110, point: -l.spread },
                ],
              },
            ]
          : []),
        ...(l.total !== undefined
          ? [
              {
                key: 'totals',
                last_update: l.lastUpdate,
                outcomes: [
                  { name: 'Over', price: -110, point: l.total },
                  { name: 'Under', price: -110, point: l.total },
                ],
              },
            ]
          : []),
      ],
    })),
  };
}
