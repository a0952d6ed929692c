import { z } from 'zod';
import { GameStatusView, IsoDate, named, Timestamp } from './common';
import { Withheld } from './withheld';

/** A forecast stored by the pipeline, settled once the game is final. */
export const StoredPrediction = named(
  'StoredPrediction',
  z.object({
    gameId: z.number().int(),
    gameKey: z.string(),
    date: IsoDate,
    tipoff: Timestamp.nullable(),
    home: z.string(),
    away: z.string(),
    status: GameStatusView,
    homeScore: z.number().int().nullable(),
    awayScore: z.number().int().nullable(),
    homeWinProbability: z.number().nullable().meta({ description: 'null only when the forecast is withheld' }),
    expectedMargin: z.number().nullable(),
    expectedTotal: z.number().nullable(),
    market: z
      .object({
        homeProbability: z.number().nullable(),
        spread: z.number().nullable(),
        total: z.number().nullable(),
        edge: z.number().nullable(),
      })
      .nullable()
      .meta({ description: 'Market view at prediction time; null when no odds existed' }),
    model: z.object({
      name: z.string(),
      version: z.string(),
      kind: z
        .enum(['live', 'hindcast'])
        .describe(
          'live: made that morning by the served version; hindcast: made afterwards by a version trained only on earlier games',
        ),
    }),
    predictedAt: Timestamp,
    settlement: z
      .object({
        settledAt: Timestamp,
        homeWon: z.boolean().nullable(),
        logLoss: z.number().nullable(),
        brier: z.number().nullable(),
      })
      .nullable(),
    isDemo: z.boolean(),
    withheld: Withheld.optional(),
  }),
);

/** Response of `GET /v1/predictions`. */
export const PredictionsResponse = named(
  'Predictions',
  z.object({ date: IsoDate, predictions: z.array(StoredPrediction) }),
);

export type StoredPredictionOutput = z.output<typeof StoredPrediction>;
