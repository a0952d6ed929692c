import { readFileSync } from 'node:fs';
import { parseCsv } from '@nba/features';
import { easternToUtc } from '../league/eastern-clock';
import { oddsIdOf } from '../league/generate-league';
import type { LeagueGame, LeagueLine } from '../league/league-game';

const rows = (file: string) => parseCsv(readFileSync(file, 'utf8')).rows.map((r) => r.values);

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

/**
 * Games (and closing lines) from CSVs in the format of `../shared/data/nba`,
 * as the stand-ins serve them: tip-off 7:30 pm Eastern, all final, ids numbered in file order.
 */
export function loadCsvLeague(gamesCsv: string, oddsCsv?: string, filter: { seasons?: readonly number[] } = {}): LeagueGame[] {
  const lines = new Map<string, LeagueLine>();
  if (oddsCsv) {
    for (const r of rows(oddsCsv)) {
      lines.set(r.game_id!, { homeMl: num(r.home_ml), awayMl: num(r.away_ml), spreadHome: num(r.spread_home), total: num(r.total) });
    }
  }
  const out: LeagueGame[] = [];
  rows(gamesCsv).forEach((r, i) => {
    const season = Number(r.season);
    if (filter.seasons && !filter.seasons.includes(season)) return;
    out.push({
      gameKey: r.game_id!,
      season,
      date: r.date!,
      tipoff: easternToUtc(r.date!, 19, 30),
      homeCode: r.home_team!,
      awayCode: r.away_team!,
      status: 'final',
      homeScore: Number(r.home_pts),
      awayScore: Number(r.away_pts),
      gameType: (r.game_type ?? 'regular') as LeagueGame['gameType'],
      apiBasketballId: 1_000_000 + i,
      oddsApiId: oddsIdOf(r.game_id!),
      line: lines.get(r.game_id!) ?? null,
    });
  });
  return out;
}
