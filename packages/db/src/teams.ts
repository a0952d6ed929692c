/** A franchise as seeded into `teams`. */
export interface TeamSeed {
  code: string;
  name: string;
  conference: 'East' | 'West';
  division: string;
  /** API-Basketball's team id (league 12). */
  apiBasketballId: number;
  /** Other names for the franchise: short forms, former names (relocations and renames). */
  aliases: string[];
  /** Home arena coordinates, for travel distances. */
  latitude: number;
  longitude: number;
}

/** The 30 NBA franchises; relocated and renamed teams map to the current franchise. */
export const TEAMS: readonly TeamSeed[] = [
  { code: 'ATL', name: 'Atlanta Hawks', conference: 'East', division: 'Southeast', apiBasketballId: 132, aliases: ['Atlanta'], latitude: 33.7573, longitude: -84.3963 },
  { code: 'BOS', name: 'Boston Celtics', conference: 'East', division: 'Atlantic', apiBasketballId: 133, aliases: ['Boston'], latitude: 42.3662, longitude: -71.0621 },
  { code: 'BKN', name: 'Brooklyn Nets', conference: 'East', division: 'Atlantic', apiBasketballId: 134, aliases: ['Brooklyn', 'New Jersey Nets', 'New Jersey', 'NJN', 'BRK'], latitude: 40.6826, longitude: -73.9754 },
  { code: 'CHA', name: 'Charlotte Hornets', conference: 'East', division: 'Southeast', apiBasketballId: 135, aliases: ['Charlotte', 'Charlotte Bobcats', 'CHO'], latitude: 35.2251, longitude: -80.8392 },
  { code: 'CHI', name: 'Chicago Bulls', conference: 'East', division: 'Central', apiBasketballId: 136, aliases: ['Chicago'], latitude: 41.8807, longitude: -87.6742 },
  { code: 'CLE', name: 'Cleveland Cavaliers', conference: 'East', division: 'Central', apiBasketballId: 137, aliases: ['Cleveland'], latitude: 41.4965, longitude: -81.6882 },
  { code: 'DAL', name: 'Dallas Mavericks', conference: 'West', division: 'Southwest', apiBasketballId: 138, aliases: ['Dallas'], latitude: 32.7905, longitude: -96.8103 },
  { code: 'DEN', name: 'Denver Nuggets', conference: 'West', division: 'Northwest', apiBasketballId: 139, aliases: ['Denver'], latitude: 39.7487, longitude: -105.0077 },
  { code: 'DET', name: 'Detroit Pistons', conference: 'East', division: 'Central', apiBasketballId: 140, aliases: ['Detroit'], latitude: 42.3410, longitude: -83.0550 },
  { code: 'GSW', name: 'Golden State Warriors', conference: 'West', division: 'Pacific', apiBasketballId: 141, aliases: ['Golden State', 'GS'], latitude: 37.7680, longitude: -122.3877 },
  { code: 'HOU', name: 'Houston Rockets', conference: 'West', division: 'Southwest', apiBasketballId: 142, aliases: ['Houston'], latitude: 29.7508, longitude: -95.3621 },
  { code: 'IND', name: 'Indiana Pacers', conference: 'East', division: 'Central', apiBasketballId: 143, aliases: ['Indiana'], latitude: 39.7640, longitude: -86.1555 },
  { code: 'LAC', name: 'Los Angeles Clippers', conference: 'West', division: 'Pacific', apiBasketballId: 144, aliases: ['LA Clippers', 'L.A. Clippers'], latitude: 33.9450, longitude: -118.3410 },
  { code: 'LAL', name: 'Los Angeles Lakers', conference: 'West', division: 'Pacific', apiBasketballId: 145, aliases: ['LA Lakers', 'L.A. Lakers'], latitude: 34.0430, longitude: -118.2673 },
  { code: 'MEM', name: 'Memphis Grizzlies', conference: 'West', division: 'Southwest', apiBasketballId: 146, aliases: ['Memphis'], latitude: 35.1382, longitude: -90.0506 },
  { code: 'MIA', name: 'Miami Heat', conference: 'East', division: 'Southeast', apiBasketballId: 147, aliases: ['Miami'], latitude: 25.7814, longitude: -80.1870 },
  { code: 'MIL', name: 'Milwaukee Bucks', conference: 'East', division: 'Central', apiBasketballId: 148, aliases: ['Milwaukee'], latitude: 43.0451, longitude: -87.9174 },
  { code: 'MIN', name: 'Minnesota Timberwolves', conference: 'West', division: 'Northwest', apiBasketballId: 149, aliases: ['Minnesota'], latitude: 44.9795, longitude: -93.2760 },
  { code: 'NOP', name: 'New Orleans Pelicans', conference: 'West', division: 'Southwest', apiBasketballId: 150, aliases: ['New Orleans', 'New Orleans Hornets', 'New Orleans/Oklahoma City Hornets', 'NOH', 'NOK', 'NO'], latitude: 29.9490, longitude: -90.0821 },
  { code: 'NYK', name: 'New York Knicks', conference: 'East', division: 'Atlantic', apiBasketballId: 151, aliases: ['New York', 'NY'], latitude: 40.7505, longitude: -73.9934 },
  { code: 'OKC', name: 'Oklahoma City Thunder', conference: 'West', division: 'Northwest', apiBasketballId: 152, aliases: ['Oklahoma City', 'Seattle SuperSonics', 'Seattle', 'SEA'], latitude: 35.4634, longitude: -97.5151 },
  { code: 'ORL', name: 'Orlando Magic', conference: 'East', division: 'Southeast', apiBasketballId: 153, aliases: ['Orlando'], latitude: 28.5392, longitude: -81.3839 },
  { code: 'PHI', name: 'Philadelphia 76ers', conference: 'East', division: 'Atlantic', apiBasketballId: 154, aliases: ['Philadelphia', 'Philadelphia Sixers'], latitude: 39.9012, longitude: -75.1720 },
  { code: 'PHX', name: 'Phoenix Suns', conference: 'West', division: 'Pacific', apiBasketballId: 155, aliases: ['Phoenix', 'PHO'], latitude: 33.4457, longitude: -112.0712 },
  { code: 'POR', name: 'Portland Trail Blazers', conference: 'West', division: 'Northwest', apiBasketballId: 156, aliases: ['Portland', 'Portland Trailblazers'], latitude: 45.5316, longitude: -122.6668 },
  { code: 'SAC', name: 'Sacramento Kings', conference: 'West', division: 'Pacific', apiBasketballId: 157, aliases: ['Sacramento'], latitude: 38.5802, longitude: -121.4997 },
  { code: 'SAS', name: 'San Antonio Spurs', conference: 'West', division: 'Southwest', apiBasketballId: 158, aliases: ['San Antonio', 'SA'], latitude: 29.4270, longitude: -98.4375 },
  { code: 'TOR', name: 'Toronto Raptors', conference: 'East', division: 'Atlantic', apiBasketballId: 159, aliases: ['Toronto'], latitude: 43.6435, longitude: -79.3791 },
  { code: 'UTA', name: 'Utah Jazz', conference: 'West', division: 'Northwest', apiBasketballId: 160, aliases: ['Utah'], latitude: 40.7683, longitude: -111.9011 },
  { code: 'WAS', name: 'Washington Wizards', conference: 'East', division: 'Southeast', apiBasketballId: 161, aliases: ['Washington', 'WSH'], latitude: 38.8981, longitude: -77.0209 },
];

/** The 30 team codes, sorted. */
export const TEAM_CODES: readonly string[] = TEAMS.map((t) => t.code).sort();
