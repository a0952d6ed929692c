/**
 * Kinds of game, as recorded in games.csv, served by the upstreams' normalisers, stored in the
 * database (the Prisma enum `GameType`) and accepted by the API: one list for all of them.
 */
export const GAME_TYPES = ['regular', 'playin', 'cup_final', 'playoffs'] as const;

/** One of {@link GAME_TYPES}. */
export type GameType = (typeof GAME_TYPES)[number];

/** True when `value` is one of {@link GAME_TYPES}. */
export function isGameType(value: string): value is GameType {
  return (GAME_TYPES as readonly string[]).includes(value);
}
