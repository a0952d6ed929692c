import { easternDate, seasonOfDate } from '@nba/config';
import { gameKeyOf, teamCodeOfName } from '@nba/games';
import { statusOfOddsApiScore } from '../status';
import type { Rejection, Validated } from '../rejection';
import type { GameRecord, SnapshotRecord } from '../store/records';
import type { OddsApiEvent, OddsApiScore } from './schemas';

/** Games and line snapshots from Odds API events. */
export interface NormalisedOdds {
  games: GameRecord[];
  snapshots: SnapshotRecord[];
  rejected: Rejection[];
}

function gameOf(id: string, commence: string, home: string, away: string, source: string): GameRecord {
  const tipoff = new Date(commence);
  if (Number.isNaN(tipoff.getTime())) throw new Error(`invalid commence_time '${commence}'`);
  const date = easternDate(tipoff);
  return {
    date,
    season: seasonOfDate(date),
    tipoff,
    homeCode: teamCodeOfName(home),
    awayCode: teamCodeOfName(away),
    oddsApiId: id,
    source,
  };
}

const int = (n: number | undefined) => (n === undefined ? null : Math.round(n));

/**
 * Odds events to game records (schedule and the Odds API id) and one snapshot per bookmaker and
 * market, captured at the market's `last_update`: fetching an unchanged line again yields the
 * same snapshot, a moved line a new one.
 */
export function normaliseOddsEvents(events: readonly OddsApiEvent[], source = 'the-odds-api'): NormalisedOdds {
  const out: NormalisedOdds = { games: [], snapshots: [], rejected: [] };
  for (const ev of events) {
    try {
      const game = gameOf(ev.id, ev.commence_time, ev.home_team, ev.away_team, source);
      const gameKey = gameKeyOf(game.date, game.awayCode, game.homeCode);
      const snapshots: SnapshotRecord[] = [];
      for (const book of ev.bookmakers) {
        for (const m of book.markets) {
          const capturedAt = new Date(m.last_update ?? book.last_update);
          const side = (name: string) => {
            const code = teamCodeOfName(name);
            if (code === game.homeCode) return 'home';
            if (code === game.awayCode) return 'away';
            throw new Error(`outcome '${name}' is neither team of the event`);
          };
          const base = { gameKey, bookmaker: book.key, capturedAt, source };
          if (m.key === 'h2h') {
            const home = m.outcomes.find((o) => side(o.name) === 'home');
            const away = m.outcomes.find((o) => side(o.name) === 'away');
            snapshots.push({ ...base, market: 'h2h', homePrice: int(home?.price), awayPrice: int(away?.price) });
          } else if (m.key === 'spreads') {
            const home = m.outcomes.find((o) => side(o.name) === 'home');
            const away = m.outcomes.find((o) => side(o.name) === 'away');
            snapshots.push({
              ...base,
              market: 'spreads',
              homePoint: home?.point ?? null,
              homePrice: int(home?.price),
              awayPrice: int(away?.price),
            });
          } else if (m.key === 'totals') {
            const over = m.outcomes.find((o) => o.name.toLowerCase() === 'over');
            const under = m.outcomes.find((o) => o.name.toLowerCase() === 'under');
            snapshots.push({
              ...base,
              market: 'totals',
              totalPoint: over?.point ?? under?.point ?? null,
              overPrice: int(over?.price),
              underPrice: int(under?.price),
            });
          }
        }
      }
      out.games.push(game);
      out.snapshots.push(...snapshots);
    } catch (e) {
      out.rejected.push({ record: `the-odds-api event ${ev.id}`, reason: (e as Error).message });
    }
  }
  return out;
}

/** Scores events to game records with status and, once started, scores. */
export function normaliseOddsScores(events: readonly OddsApiScore[], source = 'the-odds-api'): Validated<GameRecord> {
  const out: Validated<GameRecord> = { items: [], rejected: [] };
  for (const ev of events) {
    try {
      const game = gameOf(ev.id, ev.commence_time, ev.home_team, ev.away_team, source);
      const scoreOf = (team: string) => {
        const s = ev.scores?.find((x) => teamCodeOfName(x.name) === teamCodeOfName(team));
        return s ? Number(s.score) : null;
      };
      const status = statusOfOddsApiScore(ev.completed, ev.scores !== null);
      out.items.push({ ...game, status, homeScore: scoreOf(ev.home_team), awayScore: scoreOf(ev.away_team) });
    } catch (e) {
      out.rejected.push({ record: `the-odds-api score ${ev.id}`, reason: (e as Error).message });
    }
  }
  return out;
}
