import { TEAMS } from '@nba/db';

type Team = (typeof TEAMS)[number];
import { IngestionError } from './ingestion-error';

/** Lower-case, accents and punctuation removed, spaces collapsed: "L.A. Clippers" -> "la clippers". */
export function normaliseTeamName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function buildNameIndex(teams: readonly Team[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const t of teams) {
    for (const n of [t.code, t.name, ...t.aliases]) {
      const key = normaliseTeamName(n);
      const existing = index.get(key);
      if (existing && existing !== t.code) throw new Error(`team alias '${n}' is claimed by ${existing} and ${t.code}`);
      index.set(key, t.code);
    }
  }
  return index;
}

const BY_NAME = buildNameIndex(TEAMS);
const BY_API_BASKETBALL_ID = new Map(TEAMS.map((t) => [t.apiBasketballId, t.code]));
const BY_CODE = new Map(TEAMS.map((t) => [t.code, t]));

/**
 * The team code for any name an upstream or the history uses (full names, short names, former
 * names such as "New Jersey Nets", codes such as "NJN"). Throws `UNKNOWN_TEAM` naming the input.
 */
export function teamCodeOfName(name: string): string {
  const code = BY_NAME.get(normaliseTeamName(name));
  if (!code) throw new IngestionError('UNKNOWN_TEAM', `unknown team name '${name}'`);
  return code;
}

/**
 * The team code for an API-Basketball team. The id decides; the name is a cross-check so that a
 * reassigned id is caught instead of silently filing games under the wrong franchise.
 */
export function teamCodeOfApiBasketball(id: number, name?: string): string {
  const code = BY_API_BASKETBALL_ID.get(id);
  if (!code) throw new IngestionError('UNKNOWN_TEAM', `unknown API-Basketball team id ${id}${name ? ` ('${name}')` : ''}`);
  if (name !== undefined) {
    const byName = BY_NAME.get(normaliseTeamName(name));
    if (byName !== code) {
      throw new IngestionError('UNKNOWN_TEAM', `API-Basketball team id ${id} is ${code} but is named '${name}'`);
    }
  }
  return code;
}

/** The full current name of a team code (e.g. for The Odds API's `home_team`). */
export function teamName(code: string): string {
  const team = BY_CODE.get(code);
  if (!team) throw new IngestionError('UNKNOWN_TEAM', `unknown team code '${code}'`);
  return team.name;
}

/** Whether `code` is one of the 30 codes. */
export function isTeamCode(code: string): boolean {
  return BY_CODE.has(code);
}
