import { LifecycleError } from '../../lifecycle-error';
import { OUTLOOK_RATING_MODEL } from '../morning-outlook';
import { CHECKPOINTS, type OutlookBacktestSettings } from './backtest-options';
import { meanScores, TITLE_PROBABILITY_FLOOR, type OutlookScores } from './outlook-scores';
import { FORECASTERS, type CalibrationTally, type Forecaster, type ScoredMorning } from './season-task';
import type { SavedPart } from './season-parts';

/** Mean scores of each forecaster over a set of mornings. */
export interface ScoreBlock {
  readonly mornings: number;
  readonly scores: Readonly<Record<Forecaster, OutlookScores>> | null;
}

/** A goal of the issue and whether the backtest meets it. */
export interface OutlookGoal {
  readonly goal: string;
  readonly value: number | null;
  readonly met: boolean | null;
}

/** report.json of `outlook-backtest`. */
export interface OutlookBacktestReport {
  readonly settings: OutlookBacktestSettings;
  readonly ratingModel: typeof OUTLOOK_RATING_MODEL;
  readonly notes: readonly string[];
  readonly overall: ScoreBlock;
  readonly bySeason: Readonly<Record<string, ScoreBlock>>;
  /** Per checkpoint (`MM-DD`): over all seasons, and by season. */
  readonly checkpoints: Readonly<
    Record<string, { overall: ScoreBlock; bySeason: Readonly<Record<string, ScoreBlock>> }>
  >;
  /** make_playoffs calibration per forecaster: forecasts in tenths, mean forecast and observed rate. */
  readonly calibration: Readonly<
    Record<Forecaster, { lo: number; hi: number; n: number; meanForecast: number; observed: number }[]>
  >;
  readonly goals: readonly OutlookGoal[];
  /** CPU seconds per season (each on its own thread). */
  readonly cpuSeconds: Readonly<Record<string, number>>;
}

function block(mornings: readonly ScoredMorning[]): ScoreBlock {
  if (mornings.length === 0) return { mornings: 0, scores: null };
  const scores = Object.fromEntries(FORECASTERS.map((f) => [f, meanScores(mornings.map((m) => m.scores[f]))]));
  return { mornings: mornings.length, scores: scores as Record<Forecaster, OutlookScores> };
}

function mergedCalibration(
  parts: readonly SavedPart[],
  f: Forecaster,
): OutlookBacktestReport['calibration'][Forecaster] {
  const sum: CalibrationTally = Array.from({ length: 10 }, () => [0, 0, 0]);
  for (const p of parts) {
    p.calibration[f].forEach((bin, i) => {
      const into = sum[i] as [number, number, number];
      into[0] += bin[0];
      into[1] += bin[1];
      into[2] += bin[2];
    });
  }
  return sum.map(([n, sp, sy], i) => ({
    lo: i / 10,
    hi: (i + 1) / 10,
    n,
    meanForecast: n ? sp / n : 0,
    observed: n ? sy / n : 0,
  }));
}

/** The report of a backtest from its season parts (all made with the same settings but the season range). */
export function buildOutlookReport(parts: readonly SavedPart[]): OutlookBacktestReport {
  const first = parts[0];
  if (!first) throw new LifecycleError('MISSING_OUTLOOK_PARTS', 'no season parts to report on');
  for (const p of parts) {
    const a = { ...p.settings };
    const b = { ...first.settings };
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new LifecycleError(
        'MISMATCHED_OUTLOOK_PARTS',
        `season ${p.season} was run with ${JSON.stringify(a)}, season ${first.season} with ${JSON.stringify(b)}`,
      );
    }
  }
  const all = parts.flatMap((p) => p.mornings);
  const bySeason = Object.fromEntries(parts.map((p) => [String(p.season), block(p.mornings)]));
  const checkpoints = Object.fromEntries(
    CHECKPOINTS.map((cp) => [
      cp,
      {
        overall: block(all.filter((m) => m.checkpoint === cp)),
        bySeason: Object.fromEntries(
          parts.map((p) => [String(p.season), block(p.mornings.filter((m) => m.checkpoint === cp))]),
        ),
      },
    ]),
  );
  const overall = block(all);
  const early = block(parts.filter((p) => p.season >= 2016 && p.season <= 2018).flatMap((p) => p.mornings));
  const vsElo = overall.scores
    ? 1 - overall.scores.outlook.makePlayoffsBrier / overall.scores.elo.makePlayoffsBrier
    : null;
  const earlyBrier = early.mornings > 0 && early.scores ? early.scores.outlook.makePlayoffsBrier : null;
  return {
    settings: first.settings,
    ratingModel: OUTLOOK_RATING_MODEL,
    notes: [
      'every forecast made from the games and closing lines before its morning only; rating settings and strength sd chosen on 2011-2015 only',
      'mornings: every `every`-th regular-season game day from the first, plus the checkpoints Nov 1, Dec 25, Feb 15, Mar 15, Apr 1 within the regular season',
      'Brier scores and the seed RPS are means over the 30 teams of a morning, then over mornings; the title log loss is -ln P(champion) ' +
        `(floored at ${TITLE_PROBABILITY_FLOOR}), averaged over mornings`,
      'baselines on the same mornings and state: winPct = every team as good as its current win percentage (one win and one loss added), ' +
        'elo = 538-style Elo (K=20, +100 home, margin multiplier, 0.75 carry-over); both with the same strength sd',
    ],
    overall,
    bySeason,
    checkpoints,
    calibration: Object.fromEntries(
      FORECASTERS.map((f) => [f, mergedCalibration(parts, f)]),
    ) as OutlookBacktestReport['calibration'],
    goals: [
      {
        goal: `make_playoffs Brier at least 10% better than the Elo-driven simulation over every morning of ${first.settings.fromSeason}-${first.settings.toSeason}`,
        value: vsElo,
        met: vsElo === null ? null : vsElo >= 0.1,
      },
      {
        goal: 'make_playoffs Brier at most 0.080 averaged over the mornings of 2015-16 to 2017-18',
        value: earlyBrier,
        met: earlyBrier === null ? null : earlyBrier <= 0.08,
      },
    ],
    cpuSeconds: Object.fromEntries(parts.map((p) => [String(p.season), Math.round(p.cpuMs / 100) / 10])),
  };
}
