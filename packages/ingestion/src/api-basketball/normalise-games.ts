import { easternDate, seasonFromApiBasketball, seasonOfDate } from '@nba/config';
import { statusOfApiBasketball } from '../status';
import { teamCodeOfApiBasketball } from '../teams';
import type { Validated } from '../rejection';
import type { GameRecord } from '../store/records';
import type { ApiBasketballGame } from './schemas';

/**
 * API-Basketball games to our records. A game with an unknown team (e.g. the All-Star teams
 * East/West, ids 1416/1417) or status is rejected with the reason, never filed under a new team.
 */
export function normaliseApiBasketballGames(
  games: readonly ApiBasketballGame[],
  source = 'api-basketball',
): Validated<GameRecord> {
  const out: Validated<GameRecord> = { items: [], rejected: [] };
  for (const g of games) {
    try {
      out.items.push(normaliseOne(g, source));
    } catch (e) {
      out.rejected.push({ record: `api-basketball game ${g.id}`, reason: (e as Error).message });
    }
  }
  return out;
}

function normaliseOne(g: ApiBasketballGame, source: string): GameRecord {
  const tipoff = new Date(g.timestamp * 1000);
  const date = easternDate(tipoff);
  const status = statusOfApiBasketball(g.status.short);
  if (!status) throw new Error(`unknown status '${g.status.short}' (${g.status.long})`);
  const homeCode = teamCodeOfApiBasketball(g.teams.home.id, g.teams.home.name);
  const awayCode = teamCodeOfApiBasketball(g.teams.away.id, g.teams.away.name);
  const started = status === 'final' || status === 'live';
  const season =
    typeof g.league.season === 'string' && /^\d{4}-\d{4}$/.test(g.league.season)
      ? seasonFromApiBasketball(g.league.season)
      : seasonOfDate(date);
  return {
    date,
    season,
    tipoff,
    status,
    homeCode,
    awayCode,
    homeScore: started ? g.scores.home.total : null,
    awayScore: started ? g.scores.away.total : null,
    apiBasketballId: g.id,
    source,
  };
}
