/** One of the 30 franchises: reference data shared by ingestion, features and the database seed. */
export interface TeamInfo {
  /** Three-letter code used everywhere (relocated franchises map to the current one). */
  code: string;
  name: string;
  conference: 'East' | 'West';
  division: string;
  /** API-Basketball's team id (league 12). */
  apiBasketballId: number;
  /** Other names for the franchise: short forms, former names (relocations and renames). */
  aliases: string[];
  /** Home arena (the one used for most of 2007-2024) and its coordinates, for travel distances. */
  arena: string;
  city: string;
  latitude: number;
  longitude: number;
}

/** The 30 NBA franchises; relocated and renamed teams map to the current franchise. */
export const TEAMS: readonly TeamInfo[] = [
  { code: 'ATL', name: 'Atlanta Hawks', conference: 'East', division: 'Southeast', apiBasketballId: 132, aliases: ['Atlanta'], arena: 'State Farm Arena', city: 'Atlanta', latitude: 33.7573, longitude: -84.3963 },
  { code: 'BOS', name: 'Boston Celtics', conference: 'East', division: 'Atlantic', apiBasketballId: 133, aliases: ['Boston'], arena: 'TD Garden', city: 'Boston', latitude: 42.3662, longitude: -71.0621 },
  { code: 'BKN', name: 'Brooklyn Nets', conference: 'East', division: 'Atlantic', apiBasketballId: 134, aliases: ['Brooklyn', 'New Jersey Nets', 'New Jersey', 'NJN', 'BRK'], arena: 'Barclays Center', city: 'Brooklyn', latitude: 40.6826, longitude: -73.9754 },
  { code: 'CHA', name: 'Charlotte Hornets', conference: 'East', division: 'Southeast', apiBasketballId: 135, aliases: ['Charlotte', 'Charlotte Bobcats', 'CHO'], arena: 'Spectrum Center', city: 'Charlotte', latitude: 35.2251, longitude: -80.8392 },
  { code: 'CHI', name: 'Chicago Bulls', conference: 'East', division: 'Central', apiBasketballId: 136, aliases: ['Chicago'], arena: 'United Center', city: 'Chicago', latitude: 41.8807, longitude: -87.6742 },
  { code: 'CLE', name: 'Cleveland Cavaliers', conference: 'East', division: 'Central', apiBasketballId: 137, aliases: ['Cleveland'], arena: 'Rocket Arena', city: 'Cleveland', latitude: 41.4965, longitude: -81.6882 },
  { code: 'DAL', name: 'Dallas Mavericks', conference: 'West', division: 'Southwest', apiBasketballId: 138, aliases: ['Dallas'], arena: 'American Airlines Center', city: 'Dallas', latitude: 32.7905, longitude: -96.8103 },
  { code: 'DEN', name: 'Denver Nuggets', conference: 'West', division: 'Northwest', apiBasketballId: 139, aliases: ['Denver'], arena: 'Ball Arena', city: 'Denver', latitude: 39.7487, longitude: -105.0077 },
  { code: 'DET', name: 'Detroit Pistons', conference: 'East', division: 'Central', apiBasketballId: 140, aliases: ['Detroit'], arena: 'Little Caesars Arena', city: 'Detroit', latitude: 42.3411, longitude: -83.0553 },
  { code: 'GSW', name: 'Golden State Warriors', conference: 'West', division: 'Pacific', apiBasketballId: 141, aliases: ['Golden State', 'GS'], arena: 'Chase Center', city: 'San Francisco', latitude: 37.768, longitude: -122.3877 },
  { code: 'HOU', name: 'Houston Rockets', conference: 'West', division: 'Southwest', apiBasketballId: 142, aliases: ['Houston'], arena: 'Toyota Center', city: 'Houston', latitude: 29.7508, longitude: -95.3621 },
  { code: 'IND', name: 'Indiana Pacers', conference: 'East', division: 'Central', apiBasketballId: 143, aliases: ['Indiana'], arena: 'Gainbridge Fieldhouse', city: 'Indianapolis', latitude: 39.764, longitude: -86.1555 },
  { code: 'LAC', name: 'Los Angeles Clippers', conference: 'West', division: 'Pacific', apiBasketballId: 144, aliases: ['LA Clippers', 'L.A. Clippers'], arena: 'Crypto.com Arena', city: 'Los Angeles', latitude: 34.043, longitude: -118.2673 },
  { code: 'LAL', name: 'Los Angeles Lakers', conference: 'West', division: 'Pacific', apiBasketballId: 145, aliases: ['LA Lakers', 'L.A. Lakers'], arena: 'Crypto.com Arena', city: 'Los Angeles', latitude: 34.043, longitude: -118.2673 },
  { code: 'MEM', name: 'Memphis Grizzlies', conference: 'West', division: 'Southwest', apiBasketballId: 146, aliases: ['Memphis'], arena: 'FedExForum', city: 'Memphis', latitude: 35.1382, longitude: -90.0506 },
  { code: 'MIA', name: 'Miami Heat', conference: 'East', division: 'Southeast', apiBasketballId: 147, aliases: ['Miami'], arena: 'Kaseya Center', city: 'Miami', latitude: 25.7814, longitude: -80.187 },
  { code: 'MIL', name: 'Milwaukee Bucks', conference: 'East', division: 'Central', apiBasketballId: 148, aliases: ['Milwaukee'], arena: 'Fiserv Forum', city: 'Milwaukee', latitude: 43.0451, longitude: -87.9172 },
  { code: 'MIN', name: 'Minnesota Timberwolves', conference: 'West', division: 'Northwest', apiBasketballId: 149, aliases: ['Minnesota'], arena: 'Target Center', city: 'Minneapolis', latitude: 44.9795, longitude: -93.2761 },
  { code: 'NOP', name: 'New Orleans Pelicans', conference: 'West', division: 'Southwest', apiBasketballId: 150, aliases: ['New Orleans', 'New Orleans Hornets', 'New Orleans/Oklahoma City Hornets', 'NOH', 'NOK', 'NO'], arena: 'Smoothie King Center', city: 'New Orleans', latitude: 29.949, longitude: -90.0821 },
  { code: 'NYK', name: 'New York Knicks', conference: 'East', division: 'Atlantic', apiBasketballId: 151, aliases: ['New York', 'NY'], arena: 'Madison Square Garden', city: 'New York', latitude: 40.7505, longitude: -73.9934 },
  { code: 'OKC', name: 'Oklahoma City Thunder', conference: 'West', division: 'Northwest', apiBasketballId: 152, aliases: ['Oklahoma City', 'Seattle SuperSonics', 'Seattle', 'SEA'], arena: 'Paycom Center', city: 'Oklahoma City', latitude: 35.4634, longitude: -97.5151 },
  { code: 'ORL', name: 'Orlando Magic', conference: 'East', division: 'Southeast', apiBasketballId: 153, aliases: ['Orlando'], arena: 'Kia Center', city: 'Orlando', latitude: 28.5392, longitude: -81.3839 },
  { code: 'PHI', name: 'Philadelphia 76ers', conference: 'East', division: 'Atlantic', apiBasketballId: 154, aliases: ['Philadelphia', 'Philadelphia Sixers'], arena: 'Wells Fargo Center', city: 'Philadelphia', latitude: 39.9012, longitude: -75.172 },
  { code: 'PHX', name: 'Phoenix Suns', conference: 'West', division: 'Pacific', apiBasketballId: 155, aliases: ['Phoenix', 'PHO'], arena: 'Footprint Center', city: 'Phoenix', latitude: 33.4457, longitude: -112.0712 },
  { code: 'POR', name: 'Portland Trail Blazers', conference: 'West', division: 'Northwest', apiBasketballId: 156, aliases: ['Portland', 'Portland Trailblazers'], arena: 'Moda Center', city: 'Portland', latitude: 45.5316, longitude: -122.6668 },
  { code: 'SAC', name: 'Sacramento Kings', conference: 'West', division: 'Pacific', apiBasketballId: 157, aliases: ['Sacramento'], arena: 'Golden 1 Center', city: 'Sacramento', latitude: 38.5802, longitude: -121.4997 },
  { code: 'SAS', name: 'San Antonio Spurs', conference: 'West', division: 'Southwest', apiBasketballId: 158, aliases: ['San Antonio', 'SA'], arena: 'Frost Bank Center', city: 'San Antonio', latitude: 29.427, longitude: -98.4375 },
  { code: 'TOR', name: 'Toronto Raptors', conference: 'East', division: 'Atlantic', apiBasketballId: 159, aliases: ['Toronto'], arena: 'Scotiabank Arena', city: 'Toronto', latitude: 43.6435, longitude: -79.3791 },
  { code: 'UTA', name: 'Utah Jazz', conference: 'West', division: 'Northwest', apiBasketballId: 160, aliases: ['Utah'], arena: 'Delta Center', city: 'Salt Lake City', latitude: 40.7683, longitude: -111.9011 },
  { code: 'WAS', name: 'Washington Wizards', conference: 'East', division: 'Southeast', apiBasketballId: 161, aliases: ['Washington', 'WSH'], arena: 'Capital One Arena', city: 'Washington', latitude: 38.8982, longitude: -77.0209 },
];

/** The 30 team codes, sorted. */
export const TEAM_CODES: readonly string[] = TEAMS.map((t) => t.code).sort();

const BY_CODE = new Map(TEAMS.map((t) => [t.code, t]));

/** The team with this code, or undefined. */
export function teamByCode(code: string): TeamInfo | undefined {
  return BY_CODE.get(code);
}
