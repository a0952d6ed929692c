import type { DbClient } from '@nba/db';

/** A `games` row as the store reads and writes it (dates as `YYYY-MM-DD`, tip-off as ISO text). */
export interface GameRow {
  id?: number;
  gameKey: string;
  apiBasketballId: number | null;
  oddsApiId: string | null;
  season: number;
  date: string;
  tipoff: string | null;
  homeCode: string;
  awayCode: string;
  status: string;
  homeScore: number | null;
  awayScore: number | null;
  gameType: string;
  neutralSite: boolean | null;
  source: string;
  isDemo: boolean;
}

/** Fields compared to decide whether an upsert changes a row. */
export const COMPARED_FIELDS = [
  'gameKey',
  'apiBasketballId',
  'oddsApiId',
  'season',
  'date',
  'tipoff',
  'homeCode',
  'awayCode',
  'status',
  'homeScore',
  'awayScore',
  'gameType',
  'neutralSite',
  'isDemo',
] as const satisfies readonly (keyof GameRow)[];

const SELECT = `SELECT id, game_key AS "gameKey", api_basketball_id AS "apiBasketballId", odds_api_id AS "oddsApiId",
  season, to_char(date, 'YYYY-MM-DD') AS date,
  to_char(tipoff AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS tipoff,
  home_code AS "homeCode", away_code AS "awayCode", status::text AS status, home_score AS "homeScore",
  away_score AS "awayScore", game_type::text AS "gameType", neutral_site AS "neutralSite", source, is_demo AS "isDemo"
  FROM games`;

/** Existing rows that any of the keys or upstream ids point at. */
export async function findGameRows(
  db: DbClient,
  keys: string[],
  apiIds: number[],
  oddsIds: string[],
): Promise<GameRow[]> {
  return db.$queryRawUnsafe<GameRow[]>(
    `${SELECT} WHERE game_key = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))
       OR api_basketball_id = ANY(ARRAY(SELECT jsonb_array_elements_text($2::jsonb)::int))
       OR odds_api_id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))`,
    JSON.stringify(keys),
    JSON.stringify(apiIds.map(String)),
    JSON.stringify(oddsIds),
  );
}

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(id int, "gameKey" text, "apiBasketballId" int, "oddsApiId" text,
  season int, date date, tipoff timestamptz, "homeCode" text, "awayCode" text, status text, "homeScore" int,
  "awayScore" int, "gameType" text, "neutralSite" boolean, source text, "isDemo" boolean)`;

/** Inserts new rows in one statement; returns how many were inserted. */
export async function insertGameRows(db: DbClient, rows: GameRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$executeRawUnsafe(
    `INSERT INTO games (game_key, api_basketball_id, odds_api_id, season, date, tipoff, home_code, away_code, status,
       home_score, away_score, game_type, neutral_site, source, is_demo, updated_at)
     SELECT r."gameKey", r."apiBasketballId", r."oddsApiId", r.season, r.date, r.tipoff, r."homeCode", r."awayCode",
       r.status::"GameStatus", r."homeScore", r."awayScore", r."gameType"::"GameType", r."neutralSite", r.source, r."isDemo", now()
     FROM ${RECORDSET}
     ON CONFLICT (game_key) DO NOTHING`,
    JSON.stringify(rows),
  );
}

/** Rewrites changed rows (by id) in one statement; returns how many were updated. */
export async function updateGameRows(db: DbClient, rows: GameRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$executeRawUnsafe(
    `UPDATE games AS g SET game_key = r."gameKey", api_basketball_id = r."apiBasketballId", odds_api_id = r."oddsApiId",
       season = r.season, date = r.date, tipoff = r.tipoff, home_code = r."homeCode", away_code = r."awayCode",
       status = r.status::"GameStatus", home_score = r."homeScore", away_score = r."awayScore",
       game_type = r."gameType"::"GameType", neutral_site = r."neutralSite", is_demo = r."isDemo", updated_at = now()
     FROM ${RECORDSET}
     WHERE g.id = r.id`,
    JSON.stringify(rows),
  );
}
