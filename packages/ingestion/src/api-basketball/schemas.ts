import { z } from 'zod';

/** `errors` is `[]` when all is well and an object such as `{ "token": "…" }` otherwise (still HTTP 200). */
export const apiBasketballErrorsSchema = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);

/** The envelope of every API-Basketball response; `response` items are validated one by one. */
export const apiBasketballEnvelopeSchema = z.object({
  get: z.string().optional(),
  parameters: z.unknown().optional(),
  errors: apiBasketballErrorsSchema,
  results: z.number().int().nonnegative(),
  paging: z.object({ current: z.number().int(), total: z.number().int() }).optional(),
  response: z.array(z.unknown()),
});

const quarter = z.number().int().nullable().optional();
const scoreSideSchema = z.object({
  quarter_1: quarter,
  quarter_2: quarter,
  quarter_3: quarter,
  quarter_4: quarter,
  over_time: quarter,
  total: z.number().int().nonnegative().nullable(),
});

const teamSchema = z.object({ id: z.number().int(), name: z.string().min(1) });

/** One game of `GET /games` (fields we use; others are ignored). */
export const apiBasketballGameSchema = z.object({
  id: z.number().int().positive(),
  date: z.string().min(10),
  timestamp: z.number().int(),
  status: z.object({ long: z.string(), short: z.string().min(1) }),
  league: z.object({ id: z.number().int(), season: z.union([z.string(), z.number()]) }),
  teams: z.object({ home: teamSchema, away: teamSchema }),
  scores: z.object({ home: scoreSideSchema, away: scoreSideSchema }),
});

export type ApiBasketballGame = z.infer<typeof apiBasketballGameSchema>;
