import { TEAMS, TEAM_CODES } from '@nba/config';

/** A franchise's current arena location. */
export interface Arena {
  arena: string;
  city: string;
  lat: number;
  lon: number;
}

/**
 * Arena coordinates of the 30 franchises by team code, from `@nba/config`'s team table (used for
 * travel distance). Historical arenas (e.g. New Jersey, Auburn Hills) are not separated: the error
 * is a few tens of kilometres.
 */
export const ARENAS: Readonly<Record<string, Arena>> = Object.freeze(
  Object.fromEntries(TEAMS.map((t) => [t.code, { arena: t.arena, city: t.city, lat: t.latitude, lon: t.longitude }])),
);

export { TEAM_CODES };

/** Great-circle distance in kilometres (haversine, Earth radius 6371 km). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
