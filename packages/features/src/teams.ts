/** A franchise's current arena location. */
export interface Arena {
  arena: string;
  city: string;
  lat: number;
  lon: number;
}

/**
 * Arena coordinates of the 30 franchises by team code (current arenas; used for travel distance,
 * and by the database seed). Historical arenas (e.g. New Jersey, Auburn Hills) are not separated:
 * the error is a few tens of kilometres.
 */
export const ARENAS: Readonly<Record<string, Arena>> = Object.freeze({
  ATL: { arena: 'State Farm Arena', city: 'Atlanta', lat: 33.7573, lon: -84.3963 },
  BKN: { arena: 'Barclays Center', city: 'Brooklyn', lat: 40.6826, lon: -73.9754 },
  BOS: { arena: 'TD Garden', city: 'Boston', lat: 42.3662, lon: -71.0621 },
  CHA: { arena: 'Spectrum Center', city: 'Charlotte', lat: 35.2251, lon: -80.8392 },
  CHI: { arena: 'United Center', city: 'Chicago', lat: 41.8807, lon: -87.6742 },
  CLE: { arena: 'Rocket Arena', city: 'Cleveland', lat: 41.4965, lon: -81.6882 },
  DAL: { arena: 'American Airlines Center', city: 'Dallas', lat: 32.7905, lon: -96.8103 },
  DEN: { arena: 'Ball Arena', city: 'Denver', lat: 39.7487, lon: -105.0077 },
  DET: { arena: 'Little Caesars Arena', city: 'Detroit', lat: 42.3411, lon: -83.0553 },
  GSW: { arena: 'Chase Center', city: 'San Francisco', lat: 37.768, lon: -122.3877 },
  HOU: { arena: 'Toyota Center', city: 'Houston', lat: 29.7508, lon: -95.3621 },
  IND: { arena: 'Gainbridge Fieldhouse', city: 'Indianapolis', lat: 39.764, lon: -86.1555 },
  LAC: { arena: 'Crypto.com Arena', city: 'Los Angeles', lat: 34.043, lon: -118.2673 },
  LAL: { arena: 'Crypto.com Arena', city: 'Los Angeles', lat: 34.043, lon: -118.2673 },
  MEM: { arena: 'FedExForum', city: 'Memphis', lat: 35.1382, lon: -90.0506 },
  MIA: { arena: 'Kaseya Center', city: 'Miami', lat: 25.7814, lon: -80.187 },
  MIL: { arena: 'Fiserv Forum', city: 'Milwaukee', lat: 43.0451, lon: -87.9172 },
  MIN: { arena: 'Target Center', city: 'Minneapolis', lat: 44.9795, lon: -93.2761 },
  NOP: { arena: 'Smoothie King Center', city: 'New Orleans', lat: 29.949, lon: -90.0821 },
  NYK: { arena: 'Madison Square Garden', city: 'New York', lat: 40.7505, lon: -73.9934 },
  OKC: { arena: 'Paycom Center', city: 'Oklahoma City', lat: 35.4634, lon: -97.5151 },
  ORL: { arena: 'Kia Center', city: 'Orlando', lat: 28.5392, lon: -81.3839 },
  PHI: { arena: 'Wells Fargo Center', city: 'Philadelphia', lat: 39.9012, lon: -75.172 },
  PHX: { arena: 'Footprint Center', city: 'Phoenix', lat: 33.4457, lon: -112.0712 },
  POR: { arena: 'Moda Center', city: 'Portland', lat: 45.5316, lon: -122.6668 },
  SAC: { arena: 'Golden 1 Center', city: 'Sacramento', lat: 38.5802, lon: -121.4997 },
  SAS: { arena: 'Frost Bank Center', city: 'San Antonio', lat: 29.427, lon: -98.4375 },
  TOR: { arena: 'Scotiabank Arena', city: 'Toronto', lat: 43.6435, lon: -79.3791 },
  UTA: { arena: 'Delta Center', city: 'Salt Lake City', lat: 40.7683, lon: -111.9011 },
  WAS: { arena: 'Capital One Arena', city: 'Washington', lat: 38.8982, lon: -77.0209 },
});

/** The 30 team codes, sorted. */
export const TEAM_CODES: readonly string[] = Object.freeze(Object.keys(ARENAS).sort());

/** Great-circle distance in kilometres (haversine, Earth radius 6371 km). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
