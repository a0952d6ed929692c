import type { ClosingLine, GameRecord } from '@nba/games';
import { seasonOutcome, simulateSeason, DEFAULT_OUTLOOK_TEAM_SD_PTS, type TeamOutlook } from '@nba/season';
import { LifecycleError } from '../../lifecycle-error';
import { morningOutlook } from '../morning-outlook';
import { outlookHistory } from '../outlook-history';
import { CHECKPOINTS, type OutlookBacktestSettings } from './backtest-options';
import { EloTracker, eloState, winPctState } from './baselines';
import { scoreOutlook, truthOf, type OutlookScores } from './outlook-scores';
import { outlookCsvRow } from './outlook-csv';
import { threadCpuMs } from './thread-cpu';

/** The forecasts compared on every morning: the outlook and its two baselines. */
export const FORECASTERS = ['outlook', 'winPct', 'elo'] as const;
/** One of {@link FORECASTERS}. */
export type Forecaster = (typeof FORECASTERS)[number];

/** make_playoffs calibration tallies per tenth of probability: [forecasts, sum of forecasts, made]. */
export type CalibrationTally = [number, number, number][];

/** One scored morning. */
export interface ScoredMorning {
  readonly date: string;
  /** `MM-DD` of a checkpoint, or null. */
  readonly checkpoint: string | null;
  readonly scores: Readonly<Record<Forecaster, OutlookScores>>;
}

/** A season's share of a backtest: its CSV rows, scored mornings and calibration tallies. */
export interface SeasonPart {
  readonly season: number;
  readonly settings: OutlookBacktestSettings;
  readonly mornings: readonly ScoredMorning[];
  readonly calibration: Readonly<Record<Forecaster, CalibrationTally>>;
  /** outlook.csv rows of the season (no header), one per morning and team. */
  readonly csvRows: readonly string[];
  /** CPU time the season took on its own thread. */
  readonly cpuMs: number;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** The mornings of a season: every `every`-th regular-season game day from the first, and the checkpoints within the regular season. */
export function seasonMornings(
  games: readonly GameRecord[],
  season: number,
  every: number,
): { date: string; checkpoint: string | null }[] {
  const days = [
    ...new Set(games.filter((g) => g.season === season && g.gameType === 'regular').map((g) => g.date)),
  ].sort();
  if (days.length === 0)
    throw new LifecycleError('NO_SEASON_SCHEDULE', `season ${season}: no regular-season games in the history`);
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  const mornings = new Map<string, string | null>(days.filter((_, i) => i % every === 0).map((d) => [d, null]));
  for (const cp of CHECKPOINTS) {
    const date = `${cp >= '08' ? season - 1 : season}-${cp}`;
    if (date >= first && date <= last) mornings.set(date, cp);
  }
  return [...mornings.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, checkpoint]) => ({ date, checkpoint }));
}

function tally(bins: CalibrationTally, teams: readonly TeamOutlook[], made: (team: string) => number): void {
  for (const t of teams) {
    const b = bins[Math.min(9, Math.floor(t.playoffs * 10))] as [number, number, number];
    b[0]++;
    b[1] += t.playoffs;
    b[2] += made(t.team);
  }
}

/**
 * One season of the outlook backtest: on each morning, the outlook as it would have been made then
 * (games and lines before it only), the two baselines on the same state (current win percentage
 * extrapolated; Elo), all scored against the season's outcome from its games. `games` is every
 * game of the history in date order (Elo runs through all of it); deterministic for the settings.
 */
export function backtestOutlookSeason(
  games: readonly GameRecord[],
  lines: ReadonlyMap<string, ClosingLine>,
  season: number,
  settings: OutlookBacktestSettings,
): SeasonPart {
  const started = threadCpuMs();
  const truth = truthOf(
    seasonOutcome(
      season,
      games.filter((g) => g.season === season),
    ).teams,
  );
  const made = (t: string): number => truth.get(t)?.playoffs ?? 0;
  const mornings = seasonMornings(games, season, settings.every);
  const firstDay = dayNumber(mornings[0]?.date as string);
  const elo = new EloTracker(games);
  const calibration = { outlook: [], winPct: [], elo: [] } as Record<Forecaster, CalibrationTally>;
  for (const f of FORECASTERS) calibration[f] = Array.from({ length: 10 }, () => [0, 0, 0]);
  const scored: ScoredMorning[] = [];
  const csvRows: string[] = [];
  for (const { date, checkpoint } of mornings) {
    const seed = settings.seed + dayNumber(date) - firstDay;
    const outlook = morningOutlook(outlookHistory(games, lines, season, date), season, date, {
      simulations: settings.simulations,
      seed,
    });
    const baseline = { simulations: settings.baselineSimulations, seed, teamSdPts: DEFAULT_OUTLOOK_TEAM_SD_PTS };
    const teams: Record<Forecaster, readonly TeamOutlook[]> = {
      outlook: outlook.teams,
      winPct: simulateSeason(winPctState(outlook.state), baseline).teams,
      elo: simulateSeason(eloState(outlook.state, elo.before(date)), baseline).teams,
    };
    for (const f of FORECASTERS) tally(calibration[f], teams[f], made);
    scored.push({
      date,
      checkpoint,
      scores: {
        outlook: scoreOutlook(teams.outlook, truth),
        winPct: scoreOutlook(teams.winPct, truth),
        elo: scoreOutlook(teams.elo, truth),
      },
    });
    for (const t of outlook.teams) csvRows.push(outlookCsvRow(season, date, t));
  }
  return { season, settings, mornings: scored, calibration, csvRows, cpuMs: Math.round(threadCpuMs() - started) };
}
