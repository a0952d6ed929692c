import { TEAMS } from '@nba/db';
import { teamCodeOfName } from '@nba/games';
import { IngestionError } from './ingestion-error';

/** The code a name stands for (@nba/games' one name index), or undefined for a name nobody uses. */
function nameCode(name: string): string | undefined {
  try {
    return teamCodeOfName(name);
  } catch {
    return undefined;
  }
}

const BY_API_BASKETBALL_ID = new Map(TEAMS.map((t) => [t.apiBasketballId, t.code]));
const BY_CODE = new Map(TEAMS.map((t) => [t.code, t]));

/**
 * The team code for an API-Basketball team. The id decides; the name is a cross-check so that a
 * reassigned id is caught instead of silently filing games under the wrong franchise.
 */
export function teamCodeOfApiBasketball(id: number, name?: string): string {
  const code = BY_API_BASKETBALL_ID.get(id);
  if (!code)
    throw new IngestionError('UNKNOWN_TEAM', `unknown API-Basketball team id ${id}${name ? ` ('${name}')` : ''}`);
  if (name !== undefined) {
    if (nameCode(name) !== code) {
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
