import { readFileSync } from 'node:fs';
import { parseCsv } from '@nba/games';
import { easternToUtc } from '../league/eastern-clock';
import { oddsIdOf } from '../league/generate-league';
import type { LeagueGame, LeagueLine } from '../league/league-game';

const rows = (file: string) => parseCsv(readFileSync(file, 'utf8')).rows.map((r) => r.values);

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

/** A column every row of the file has (a file without it is not in the shared data's format). */
function column(r: Record<string, string | undefined>, name: string, file: string): string {
  const v = r[name];
  if (v === undefined) throw new Error(`${file}: no ${name} column (expected the format of ../shared/data/nba)`);
  return v;
}

/**
 * Games (and closing lines) from CSVs in the format of `../shared/data/nba`,
 * as the stand-ins serve them: tip-off 7:30 pm Eastern, all final, ids numbered in file order.
 */
export function loadCsvLeague(
  gamesCsv: string,
  oddsCsv?: string,
  filter: { seasons?: readonly number[] } = {},
): LeagueGame[] {
  const lines = new Map<string, LeagueLine>();
  if (oddsCsv) {
    for (const r of rows(oddsCsv)) {
      lines.set(column(r, 'game_id', oddsCsv), {
        homeMl: num(r.home_ml),
        awayMl: num(r.away_ml),
        spreadHome: num(r.spread_home),
        total: num(r.total),
      });
    }
  }
  const out: LeagueGame[] = [];
  rows(gamesCsv).forEach((r, i) => {
    const season = Number(r.season);
    if (filter.seasons && !filter.seasons.includes(season)) return;
    const gameKey = column(r, 'game_id', gamesCsv);
    const date = column(r, 'date', gamesCsv);
    out.push({
      gameKey,
      season,
      date,
      tipoff: easternToUtc(date, 19, 30),
      homeCode: column(r, 'home_team', gamesCsv),
      awayCode: column(r, 'away_team', gamesCsv),
      status: 'final',
      homeScore: Number(r.home_pts),
      awayScore: Number(r.away_pts),
      gameType: (r.game_type ?? 'regular') as LeagueGame['gameType'],
      apiBasketballId: 1_000_000 + i,
      oddsApiId: oddsIdOf(gameKey),
      line: lines.get(gameKey) ?? null,
    });
  });
  return out;
}
