// `pnpm study:report`: the outlook with the chosen settings on 2016-2024 (report only: nothing is
// chosen here), every 7 days plus the checkpoints Nov 1, Dec 25, Feb 15, Mar 15, Apr 1, 2,000
// simulations a morning; make_playoffs Brier beside the same simulator driven by 538-style Elo
// ratings (K=20, +100 home, margin multiplier, 0.75 carry-over; 28 Elo points a point).
import { addDays, envNumber, envNumberList, readEnv } from '@nba/config';
import { ELO_538, eloCarryOver, eloProbability, eloShift } from '@nba/features';
import { sharedDataDir } from '@nba/testing';
import {
  fitRatings,
  outlookState,
  seasonOutcome,
  simulateSeason,
  DEFAULT_OUTLOOK_TEAM_SD_PTS,
  type LinedGame,
  type SeasonState,
  type TeamOutlook,
} from '../index';
import { loadHistory } from './load-history';

const dir = sharedDataDir();
if (!dir) process.exit(0);
const history = loadHistory(dir);
const knobs = readEnv({
  REPORT_SEASONS: envNumberList([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]),
  REPORT_SIMS: envNumber(2000),
});
const seasons = knobs.REPORT_SEASONS;
const SIMS = knobs.REPORT_SIMS;
const CHECKPOINTS = ['11-01', '12-25', '02-15', '03-15', '04-01'];

const elo = new Map<string, number>();
let eloSeason = 0;
let next = 0;
/** Advances the Elo ratings through every game before `date`. */
function eloBefore(date: string): void {
  for (; next < history.length && (history[next] as LinedGame).date < date; next++) {
    const g = history[next] as LinedGame;
    if (g.season !== eloSeason) {
      for (const [t, r] of elo) elo.set(t, eloCarryOver(r));
      eloSeason = g.season;
    }
    if (g.homePts === undefined || g.awayPts === undefined) continue;
    const h = elo.get(g.home) ?? ELO_538.initial;
    const a = elo.get(g.away) ?? ELO_538.initial;
    const shift = eloShift(h, a, g.homePts - g.awayPts, g.neutral === true);
    elo.set(g.home, h + shift);
    elo.set(g.away, a - shift);
  }
}

// calibration of the market-driven make_playoffs: [forecasts, sum of forecasts, made] per tenth
const bins = Array.from({ length: 10 }, () => [0, 0, 0] as [number, number, number]);

function brier(teams: readonly TeamOutlook[], made: Map<string, number>, calibrate = false): number {
  if (calibrate) {
    for (const t of teams) {
      const b = bins[Math.min(9, Math.floor(t.playoffs * 10))] as [number, number, number];
      b[0]++;
      b[1] += t.playoffs;
      b[2] += made.get(t.team) as number;
    }
  }
  return teams.reduce((s, t) => s + (t.playoffs - (made.get(t.team) as number)) ** 2, 0) / teams.length;
}

const rows: { season: number; date: string; checkpoint: string | null; market: number; elo: number }[] = [];
for (const season of seasons) {
  const games = history.filter((g) => g.season >= season - 2 && g.season <= season);
  const regular = games.filter((g) => g.season === season && g.gameType === 'regular');
  const outcome = seasonOutcome(
    season,
    games.filter((g) => g.season === season),
  );
  const made = new Map(outcome.teams.map((t) => [t.team, t.seed !== null ? 1 : 0]));
  const first = (regular[0] as LinedGame).date;
  const last = (regular[regular.length - 1] as LinedGame).date;
  const dates = new Set<string>();
  for (let d = first; d <= last; d = addDays(d, 7)) dates.add(d);
  const checkpointOf = new Map<string, string>();
  for (const cp of CHECKPOINTS) {
    const d = `${cp >= '08' ? season - 1 : season}-${cp}`;
    if (d >= first && d <= last) {
      dates.add(d);
      checkpointOf.set(d, cp);
    }
  }
  for (const date of [...dates].sort()) {
    const state = outlookState(season, games, date, fitRatings(games, date, season));
    eloBefore(date);
    const eloState: SeasonState = {
      ...state,
      remaining: state.remaining.map((f) => ({
        home: f.home,
        away: f.away,
        homeWinProb: eloProbability((elo.get(f.home) ?? 1500) - (elo.get(f.away) ?? 1500) + ELO_538.homeAdvantage),
      })),
      ratings: Object.fromEntries(outcome.teams.map((t) => [t.team, ((elo.get(t.team) ?? 1505) - 1505) / 28])),
      homeCourtPts: ELO_538.homeAdvantage / 28,
    };
    const options = { simulations: SIMS, teamSdPts: DEFAULT_OUTLOOK_TEAM_SD_PTS, seed: rows.length + 1 };
    rows.push({
      season,
      date,
      checkpoint: checkpointOf.get(date) ?? null,
      market: brier(simulateSeason(state, options).teams, made, true),
      elo: brier(simulateSeason(eloState, options).teams, made),
    });
  }
  const mine = rows.filter((r) => r.season === season);
  const mean = (k: 'market' | 'elo'): number => mine.reduce((s, r) => s + r[k], 0) / mine.length;
  console.log(
    JSON.stringify({
      season,
      dates: mine.length,
      makePlayoffsBrier: { market: Number(mean('market').toFixed(4)), elo: Number(mean('elo').toFixed(4)) },
    }),
  );
}
const avg = (rs: typeof rows, k: 'market' | 'elo'): number =>
  Number((rs.reduce((s, r) => s + r[k], 0) / rs.length).toFixed(4));
console.log(
  JSON.stringify({
    overall: { market: avg(rows, 'market'), elo: avg(rows, 'elo') },
    seasons2016to2018: {
      market: avg(
        rows.filter((r) => r.season <= 2018),
        'market',
      ),
      elo: avg(
        rows.filter((r) => r.season <= 2018),
        'elo',
      ),
    },
    calibration: bins.map(([n, f, m]) => (n ? [n, Number((f / n).toFixed(3)), Number((m / n).toFixed(3))] : [0])),
    checkpoints: Object.fromEntries(
      CHECKPOINTS.map((cp) => {
        const rs = rows.filter((r) => r.checkpoint === cp);
        return [cp, rs.length ? { market: avg(rs, 'market'), elo: avg(rs, 'elo') } : null];
      }),
    ),
  }),
);
