import { addDays, seasonOfDate } from '@nba/config';
import type { Matchup } from '@nba/games';
import { checkForecast, type ForecastCheck, type MatchupForecast } from '@nba/modeling';
import { ApiError } from './errors';
import type { FeatureSnapshot } from './feature-store';
import type { LoadedModel } from './loaded-model';
import type { ForecastOutput, MatchupInput } from './schemas/predict';
import { lineKey } from './upcoming-lines';

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Default game date: today (US Eastern), or the day after the last results if that is later. */
export function defaultDate(asOf: string | null, today: string): string {
  const next = asOf === null ? today : addDays(asOf, 1);
  return next > today ? next : today;
}

/**
 * Forecasts matchups with a model from a feature snapshot (the snapshot is not changed), with the
 * stored line of each game that has one; with `explain > 0`, the top SHAP contributions of each
 * forecast's log-odds. `field` names each matchup's place in the request for validation errors
 * (`''` or `matchups.3.`). A forecast failing the last-step check (`checkForecast`) is withheld: its
 * numbers and market are null, `withheld` says why, and `onWithheld` hears of it.
 */
export function forecast(
  loaded: LoadedModel,
  snap: FeatureSnapshot,
  inputs: readonly MatchupInput[],
  options: {
    /** The date of matchups without one (see {@link defaultDate}), worked out once per request. */
    defaultDate: string;
    explain: number;
    field: (i: number) => string;
    onWithheld?: (out: ForecastOutput, check: Extract<ForecastCheck, { ok: false }>) => void;
  },
): ForecastOutput[] {
  const prepared = inputs.map((m, i) => {
    const date = m.date ?? options.defaultDate;
    if (snap.asOf !== null && date <= snap.asOf) {
      throw ApiError.validation([
        {
          field: `${options.field(i)}date`,
          problem: `must be after ${snap.asOf}, the last day of results the features include`,
        },
      ]);
    }
    const matchup: Matchup = {
      season: seasonOfDate(date),
      date,
      home: m.home,
      away: m.away,
      gameType: m.gameType,
      neutral: m.neutral,
    };
    return { matchup, line: snap.lines.get(lineKey(date, m.home, m.away)) };
  });
  const forecasts: MatchupForecast[] = prepared.map((p) => loaded.model.predictMatchup(snap.state, p.matchup, p.line));
  const explanations =
    options.explain > 0
      ? loaded.model.explain(
          forecasts.map((f) => f.features),
          options.explain,
        )
      : undefined;
  return prepared.map(({ matchup, line }, i) => {
    const f = forecasts[i] as MatchupForecast;
    const homeWin = f.homeWinProbability;
    const marketProb = f.marketProbability;
    const out: ForecastOutput = {
      home: matchup.home,
      away: matchup.away,
      date: matchup.date,
      season: matchup.season,
      neutral: matchup.neutral === true,
      gameType: matchup.gameType,
      homeWinProbability: homeWin,
      awayWinProbability: 1 - homeWin,
      expectedMargin: f.expectedMargin,
      expectedTotal: f.expectedTotal,
      market: line
        ? {
            homeProbability: finite(marketProb),
            spread: line.spreadHome ?? null,
            total: line.total ?? null,
            edge: Number.isFinite(marketProb) ? homeWin - marketProb : null,
          }
        : null,
      model: { name: loaded.name, version: loaded.version },
      featuresAsOf: snap.asOf,
    };
    const check = checkForecast({ ...f, marketProbability: line ? finite(marketProb) : null });
    if (!check.ok) {
      const withheld = {
        ...out,
        homeWinProbability: null,
        awayWinProbability: null,
        expectedMargin: null,
        expectedTotal: null,
        market: null,
      };
      withheld.withheld = { reason: check.reason, message: check.message };
      options.onWithheld?.(withheld, check);
      return withheld;
    }
    if (explanations) out.explanation = explanations[i];
    return out;
  });
}
