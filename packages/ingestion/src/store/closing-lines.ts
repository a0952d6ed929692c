import type { DbClient } from '@nba/db';

/** A market's closing line: the last snapshot captured before tip-off. */
export interface ClosingLine {
  bookmaker: string;
  capturedAt: Date;
  homePrice: number | null;
  awayPrice: number | null;
  homePoint: number | null;
  totalPoint: number | null;
  overPrice: number | null;
  underPrice: number | null;
}

export interface GameClosingLines {
  h2h?: ClosingLine;
  spreads?: ClosingLine;
  totals?: ClosingLine;
}

interface Row extends ClosingLine {
  gameId: number;
  market: 'h2h' | 'spreads' | 'totals';
}

/**
 * Closing lines of games by id: per market, the last snapshot captured before tip-off (before the
 * end of the game's Eastern date when the tip-off time is unknown). With `bookmakers`, the first
 * of them that has a line wins; otherwise the latest line of any bookmaker.
 */
export async function closingLines(
  db: DbClient,
  gameIds: readonly number[],
  options: { bookmakers?: readonly string[] } = {},
): Promise<Map<number, GameClosingLines>> {
  const books = options.bookmakers ?? [];
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT DISTINCT ON (s.game_id, s.market) s.game_id AS "gameId", s.market::text AS market, s.bookmaker,
       s.captured_at AS "capturedAt", s.home_price AS "homePrice", s.away_price AS "awayPrice", s.home_point AS "homePoint",
       s.total_point AS "totalPoint", s.over_price AS "overPrice", s.under_price AS "underPrice"
     FROM odds_snapshots s JOIN games g ON g.id = s.game_id
     WHERE s.game_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::int))
       AND s.captured_at < COALESCE(g.tipoff, ((g.date + 1)::timestamp AT TIME ZONE 'America/New_York'))
       AND (jsonb_array_length($2::jsonb) = 0 OR s.bookmaker IN (SELECT jsonb_array_elements_text($2::jsonb)))
     ORDER BY s.game_id, s.market,
       array_position(ARRAY(SELECT jsonb_array_elements_text($2::jsonb)), s.bookmaker),
       s.captured_at DESC, s.bookmaker`,
    JSON.stringify(gameIds.map(String)),
    JSON.stringify(books),
  );
  const out = new Map<number, GameClosingLines>();
  for (const { gameId, market, ...line } of rows) {
    const entry = out.get(gameId) ?? {};
    entry[market] = line;
    out.set(gameId, entry);
  }
  return out;
}
