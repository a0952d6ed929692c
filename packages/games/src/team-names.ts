import { TEAMS, type TeamInfo } from '@nba/config';
import { GamesError } from './games-error';

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

function buildNameIndex(teams: readonly TeamInfo[]): Map<string, string> {
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

/**
 * The team code for any name an upstream or the history uses (full names, short names, former
 * names such as "New Jersey Nets", codes such as "NJN"). Throws `UNKNOWN_TEAM` naming the input.
 */
export function teamCodeOfName(name: string): string {
  const code = BY_NAME.get(normaliseTeamName(name));
  if (!code) throw new GamesError('UNKNOWN_TEAM', `unknown team name '${name}'`);
  return code;
}
