import type { GameType } from '@nba/config';
import { SeasonError } from './errors';
import { LEAGUE, TEAM_COUNT, teamIndex } from './league';
import { BRACKET, hasHomeCourt, resolvePlayIn, type PlayoffField } from './postseason';
import { addGame, emptyRecord, type StandingsRecord } from './record';
import { seasonRules, type SeasonRules } from './rules';
import { leagueStandings } from './seeding';

/** A game as the season domain needs it (games.csv rows and the database's games both fit). */
export interface SeasonGame {
  readonly date: string;
  readonly home: string;
  readonly away: string;
  readonly gameType: GameType;
  readonly homePts?: number;
  readonly awayPts?: number;
}

/** One playoff series as played. */
export interface PlayedSeries {
  readonly round: number;
  /** The team that hosted game 1 (home court). */
  readonly homeCourt: string;
  readonly other: string;
  readonly winner: string;
  readonly wins: readonly [number, number];
}

/** What a team's season came to. */
export interface TeamOutcome {
  readonly team: string;
  readonly conference: 'East' | 'West';
  readonly wins: number;
  readonly losses: number;
  /** Regular-season position 1..15 in the conference, tiebreakers applied. */
  readonly position: number;
  readonly playIn: boolean;
  /** Playoff seed 1..8 after the play-in, or null. */
  readonly seed: number | null;
  /** Series won: 0 lost in round 1 (or missed the playoffs), 4 champion. */
  readonly seriesWon: number;
  readonly champion: boolean;
}

/** A season's outcome and any disagreement between the recomputed seeds and the games played. */
export interface SeasonOutcome {
  readonly season: number;
  readonly teams: readonly TeamOutcome[];
  readonly champion: string | null;
  readonly series: readonly PlayedSeries[];
  /** Ties only a drawing could break (team codes); the drawing's result is not in the games. */
  readonly drawings: readonly (readonly string[])[];
  /** Play-in or first-round matchups (or hosts) that differ from the recomputed seeds. */
  readonly mismatches: readonly string[];
}

/** Series of a season's playoff games, each with its round (a team's k-th series is round k). */
export function playedSeries(games: readonly SeasonGame[]): PlayedSeries[] {
  const byPair = new Map<string, { first: SeasonGame; wins: Map<string, number> }>();
  for (const g of [...games]
    .filter((x) => x.gameType === 'playoffs')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const key = [g.home, g.away].sort().join('-');
    const s = byPair.get(key) ?? {
      first: g,
      wins: new Map([
        [g.home, 0],
        [g.away, 0],
      ]),
    };
    byPair.set(key, s);
    const winner = (g.homePts as number) > (g.awayPts as number) ? g.home : g.away;
    s.wins.set(winner, (s.wins.get(winner) as number) + 1);
  }
  const seen = new Map<string, number>();
  return [...byPair.values()].map(({ first, wins }) => {
    const round = Math.max(seen.get(first.home) ?? 0, seen.get(first.away) ?? 0) + 1;
    seen.set(first.home, round);
    seen.set(first.away, round);
    const [h, a] = [wins.get(first.home) as number, wins.get(first.away) as number];
    return { round, homeCourt: first.home, other: first.away, winner: h > a ? first.home : first.away, wins: [h, a] };
  });
}

function regularRecord(games: readonly SeasonGame[]): StandingsRecord {
  const rec = emptyRecord();
  for (const g of games) {
    if (g.gameType !== 'regular' || g.homePts === undefined || g.awayPts === undefined) continue;
    if (g.homePts === g.awayPts)
      throw new SeasonError('INVALID_GAME', `game ${g.date} ${g.away}@${g.home}: tied score ${g.homePts}-${g.awayPts}`);
    addGame(rec, teamIndex(g.home, 'home team'), teamIndex(g.away, 'away team'), g.homePts - g.awayPts);
  }
  return rec;
}

/**
 * A completed season's outcome derived from its games: standings by the season's rules (the
 * regular season, the 2020 seeding games included), the play-in as played, the playoff series,
 * the champion; and, as a check of both the rules and the data, every play-in game and first-round
 * series compared with what the recomputed seeds say it should have been (pairing and host).
 * `rules` defaults to the season's own (other rules show what each rule decides).
 */
export function seasonOutcome(
  season: number,
  games: readonly SeasonGame[],
  rules: SeasonRules = seasonRules(season),
): SeasonOutcome {
  const rec = regularRecord(games);
  const drawings: string[][] = [];
  const mismatches: string[] = [];
  const standings = leagueStandings(rec, rules, {
    draw: () => 0,
    onDrawing: (t) => drawings.push(t.map((i) => LEAGUE.codes[i] as string)),
  });
  const playInGames = games.filter((g) => g.gameType === 'playin');
  const used = new Set<SeasonGame>();
  const play = (home: number, away: number): number => {
    const [h, a] = [LEAGUE.codes[home] as string, LEAGUE.codes[away] as string];
    const g = playInGames.find(
      (x) => !used.has(x) && ((x.home === h && x.away === a) || (x.home === a && x.away === h)),
    );
    if (!g) {
      mismatches.push(`play-in ${a}@${h} expected, not played`);
      return home;
    }
    used.add(g);
    if (g.home !== h) mismatches.push(`play-in ${a}@${h} expected, played as ${g.away}@${g.home}`);
    return teamIndex((g.homePts as number) > (g.awayPts as number) ? g.home : g.away);
  };
  const fields: PlayoffField[] = standings.map((s) => resolvePlayIn(s.order, rec, rules, play));
  for (const g of playInGames) if (!used.has(g)) mismatches.push(`play-in ${g.away}@${g.home} played, not expected`);
  const series = playedSeries(games);
  for (const field of fields) {
    for (const [i, j] of BRACKET) {
      const [a, b] = [field.seeds[i] as number, field.seeds[j] as number];
      const host = hasHomeCourt(rec, a, b, i, j, () => 0) ? a : b;
      const guest = host === a ? b : a;
      const [h, g] = [LEAGUE.codes[host] as string, LEAGUE.codes[guest] as string];
      const s = series.find((x) => x.round === 1 && (x.homeCourt === h || x.other === h));
      if (!s) mismatches.push(`first round ${g}@${h} expected, not played`);
      else if (s.homeCourt !== h || s.other !== g)
        mismatches.push(`first round ${g}@${h} expected, played as ${s.other}@${s.homeCourt}`);
    }
  }
  const finals = series.find((s) => s.round === 4);
  const teams: TeamOutcome[] = [];
  for (let t = 0; t < TEAM_COUNT; t++) {
    const code = LEAGUE.codes[t] as string;
    const conf = LEAGUE.conference[t] as 0 | 1;
    const field = fields[conf] as PlayoffField;
    const seed = field.seeds.indexOf(t);
    teams.push({
      team: code,
      conference: conf === 0 ? 'East' : 'West',
      wins: rec.wins[t] as number,
      losses: rec.losses[t] as number,
      position: (standings[conf] as { order: readonly number[] }).order.indexOf(t) + 1,
      playIn: field.playIn.includes(t),
      seed: seed >= 0 ? seed + 1 : null,
      seriesWon: series.filter((s) => s.winner === code).length,
      champion: finals?.winner === code,
    });
  }
  return { season, teams, champion: finals?.winner ?? null, series, drawings, mismatches };
}
