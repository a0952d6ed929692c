import { z } from 'zod';
import { GAME_TYPES } from '@nba/config';
import { IsoDate, named, TeamCode } from './common';
import { Withheld } from './withheld';

/** Most matchups a batch may carry. */
export const MAX_BATCH = 100;
/** Most SHAP contributions an explanation may list (at least every feature of a model). */
export const MAX_EXPLAIN = 50;

const matchupShape = {
  home: TeamCode,
  away: TeamCode,
  date: IsoDate.optional().meta({
    description: 'Game date; defaults to today (US Eastern), or the day after the last results known if that is later',
  }),
  neutral: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .meta({ description: 'Neutral site (no home court)' }),
  gameType: z.enum(GAME_TYPES, { error: `must be one of ${GAME_TYPES.join(', ')}` }).default('regular'),
};

function distinctTeams(m: { home: string; away: string }, ctx: z.RefinementCtx): void {
  if (m.home === m.away)
    ctx.addIssue({ code: 'custom', path: ['away'], message: `must differ from home (${m.home} cannot play itself)` });
}

const explain = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(MAX_EXPLAIN, `must be at most ${MAX_EXPLAIN}`)
  .default(5)
  .meta({ description: 'How many SHAP contributions to return (0: no explanation)' });

const model = z.string({ error: 'must be a model name' }).min(1, 'must not be empty').optional().meta({
  description: 'Registry name of the model to forecast with (default: the first served, the market-aware nba-winner)',
});

/** One hypothetical game. */
export const Matchup = named('Matchup', z.object(matchupShape).strict().superRefine(distinctTeams));

/** Body of `POST /v1/predict`. */
export const PredictRequest = named(
  'PredictRequest',
  z
    .object({
      ...matchupShape,
      explain,
      model,
    })
    .strict()
    .superRefine(distinctTeams),
);

/** Body of `POST /v1/predict/batch`. */
export const BatchRequest = named(
  'BatchPredictRequest',
  z
    .object({
      matchups: z
        .array(Matchup, { error: 'must be an array of matchups' })
        .min(1, 'must hold at least one matchup')
        .max(MAX_BATCH, `must hold at most ${MAX_BATCH} matchups`),
      explain,
      model,
    })
    .strict(),
);

/** One feature's share of the forecast, in log-odds of a home win. */
export const Contribution = named(
  'Contribution',
  z.object({
    feature: z.string(),
    value: z.number().nullable().meta({ description: 'The feature value (null: missing)' }),
    contribution: z.number().meta({ description: 'SHAP value, log-odds of a home win' }),
  }),
);

/** A forecast of one matchup. */
export const Forecast = named(
  'Forecast',
  z.object({
    home: z.string(),
    away: z.string(),
    date: IsoDate,
    season: z.number().int(),
    neutral: z.boolean(),
    gameType: z.enum(GAME_TYPES),
    homeWinProbability: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .meta({ description: 'null only when the forecast is withheld' }),
    awayWinProbability: z.number().min(0).max(1).nullable(),
    expectedMargin: z
      .number()
      .nullable()
      .meta({ description: 'Home points minus away points (null only when withheld)' }),
    expectedTotal: z.number().nullable(),
    market: z
      .object({
        homeProbability: z.number().nullable(),
        spread: z.number().nullable(),
        total: z.number().nullable(),
        edge: z.number().nullable().meta({ description: 'homeWinProbability minus the market probability' }),
      })
      .nullable()
      .meta({ description: 'The latest line stored for this game, when the game and its odds exist' }),
    model: z.object({ name: z.string(), version: z.string() }),
    featuresAsOf: IsoDate.nullable().meta({ description: 'Last day of results the features include' }),
    withheld: Withheld.optional(),
    explanation: z
      .object({
        target: z.literal('home_win_log_odds'),
        baseline: z
          .number()
          .meta({ description: 'Log-odds before any feature (model bias plus its rating or market starting point)' }),
        contributions: z.array(Contribution).meta({ description: 'Largest contributions by absolute value' }),
      })
      .optional(),
  }),
);

/** Response of `POST /v1/predict/batch`. */
export const BatchResponse = named('BatchForecasts', z.object({ forecasts: z.array(Forecast) }));

export type PredictInput = z.output<typeof PredictRequest>;
export type MatchupInput = z.output<typeof Matchup>;
export type ForecastOutput = z.output<typeof Forecast>;
